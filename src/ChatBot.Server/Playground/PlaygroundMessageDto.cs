using System.Text.Json.Serialization;
using ChatBot.Core.Views;

namespace ChatBot.Server.Playground;

public sealed record PlaygroundMessageDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("thread_id")] string? ThreadId,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("ephemeral")] bool Ephemeral,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("view")] ChatView View);
