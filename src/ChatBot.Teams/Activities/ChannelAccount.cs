using System.Text.Json.Serialization;

namespace ChatBot.Teams.Activities;

/// <summary>A user or bot in an activity (<c>from</c>, <c>recipient</c>, members).</summary>
public sealed record ChannelAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("aadObjectId")] string? AadObjectId = null);
