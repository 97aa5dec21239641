using System.Text.Json.Serialization;

using ChatBot.Jobs.Application.Tokens;

namespace ChatBot.Server.Ops;

/// <summary>The only response that ever carries a token's secret.</summary>
public sealed record IssuedTokenResponse(
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes)
{
    public static IssuedTokenResponse Of(IssuedToken issued) =>
        new(issued.Token.Id, issued.Plaintext, issued.Token.Name, issued.Token.WorkspaceId, issued.Token.Scopes);
}
