using System.Text.Json.Serialization;

namespace ChatBot.Server.Ops;

public sealed record IssueTokenRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes);
