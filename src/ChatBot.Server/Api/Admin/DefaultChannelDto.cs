using System.Text.Json.Serialization;
using ChatBot.Core.Chat;

namespace ChatBot.Server.Api.Admin;

/// <summary>Where receipts of runs without a channel of their own go.</summary>
public sealed record DefaultChannelDto(
    [property: JsonPropertyName("platform")] ChatPlatform Platform,
    [property: JsonPropertyName("channel_id")] string ChannelId,
    [property: JsonPropertyName("service_url")] string? ServiceUrl = null);
