using System.Text.Json.Serialization;

namespace ChatBot.Core.Chat;

/// <summary>
/// A place to post: platform, workspace (Slack team / Teams tenant), channel (Slack channel / Teams conversation),
/// optional thread (Slack thread_ts / Teams reply-chain root). Teams also needs the connector's service URL,
/// so the address doubles as a conversation reference and round-trips through JSON.
/// </summary>
public sealed record ChatAddress(
    [property: JsonPropertyName("platform")] ChatPlatform Platform,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("channel_id")] string ChannelId,
    [property: JsonPropertyName("thread_id")] string? ThreadId = null,
    [property: JsonPropertyName("service_url")] string? ServiceUrl = null)
{
    public ChatAddress InThread(string threadId) => this with { ThreadId = threadId };

    public ChatAddress WithoutThread() => this with { ThreadId = null };
}
