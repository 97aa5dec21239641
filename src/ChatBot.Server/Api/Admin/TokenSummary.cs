using System.Text.Json.Serialization;
using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Api.Admin;

/// <summary>A token as listed to admins: never its secret.</summary>
public sealed record TokenSummary(
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("revoked_at")] DateTimeOffset? RevokedAt)
{
    public static TokenSummary Of(WorkspaceToken token) => new(token.Id, token.Name, token.Scopes, token.CreatedAt, token.RevokedAt);
}
