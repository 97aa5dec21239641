using System.Text.Json.Serialization;

namespace ChatBot.Server.Ops;

/// <summary>The only response that ever carries a token's secret.</summary>
public sealed record IssuedTokenResponse(
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);
