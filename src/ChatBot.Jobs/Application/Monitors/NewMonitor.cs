using ChatBot.Core.Chat;
using ChatBot.Core.Monitors;

namespace ChatBot.Jobs.Application.Monitors;

/// <summary>
/// What a new monitor watches, how often, and where its updates go. <see cref="ReuseWatchedQuery"/>: a person who
/// asks a channel to watch what it already watches gets that monitor back rather than a second one.
/// </summary>
public sealed record NewMonitor(
    string WorkspaceId,
    string Query,
    Cadence Cadence,
    ChatAddress? Channel,
    ChatUser? Owner,
    bool ReuseWatchedQuery = false)
{
    public MonitorWebhook? Webhook { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public string? OutputSchema { get; init; }
}
