using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

/// <summary>
/// Reads a channel's recent messages for the agent's history tool, keyed by platform like <see cref="IMessenger"/>.
/// Implementations cache and fetch incrementally: platforms rate-limit history reads hard.
/// </summary>
public interface IChannelHistory
{
    ChatPlatform Platform { get; }

    /// <param name="workspace">Where the run is (its workspace and platform).</param>
    /// <param name="channel">A channel id, or a <c>#name</c> as people write it.</param>
    Task<IReadOnlyList<HistoryMessage>> ReadAsync(ChatAddress workspace, string channel, DateTimeOffset since, int limit, CancellationToken ct);
}
