using System.Text.Json.Serialization;

namespace ChatBot.Server.Playground;

/// <summary>A line typed into the playground.</summary>
public sealed record PlaygroundPostRequest(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("thread_id")] string? ThreadId);
