using System.Collections.Concurrent;
using ChatBot.Core.Chat;

namespace ChatBot.Jobs.Users;

/// <summary>
/// This node's memory of when each person's stored role next needs a look, so a busy user costs no extra query per
/// message. One small entry per person seen; losing it (a restart) only costs one read.
/// </summary>
public sealed class KnownUserCheckTimes
{
    private readonly ConcurrentDictionary<(ChatPlatform, string, string), DateTimeOffset> _nextCheck = new();

    public bool IsFresh((ChatPlatform Platform, string WorkspaceId, string UserId) key, DateTimeOffset now) =>
        _nextCheck.TryGetValue(key, out var next) && now < next;

    public void Remember((ChatPlatform Platform, string WorkspaceId, string UserId) key, DateTimeOffset nextCheck) =>
        _nextCheck[key] = nextCheck;
}
