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

    /// <summary>
    /// True for the one caller that should look now: the entry is stale or missing, and is moved to
    /// <paramref name="holdUntil"/> at once, so the other requests of a burst take the person as known meanwhile
    /// instead of all querying (and all asking for the same look-up) together.
    /// </summary>
    public bool TryClaim((ChatPlatform Platform, string WorkspaceId, string UserId) key, DateTimeOffset now, DateTimeOffset holdUntil)
    {
        while (true)
        {
            if (!_nextCheck.TryGetValue(key, out var next)) { if (_nextCheck.TryAdd(key, holdUntil)) return true; }
            else if (now < next) return false;
            else if (_nextCheck.TryUpdate(key, holdUntil, next)) return true;
        }
    }

    public void Remember((ChatPlatform Platform, string WorkspaceId, string UserId) key, DateTimeOffset nextCheck) =>
        _nextCheck[key] = nextCheck;
}
