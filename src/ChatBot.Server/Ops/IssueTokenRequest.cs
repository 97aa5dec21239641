using System.Text.Json.Serialization;

using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Ops;

public sealed record IssueTokenRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes)
{
    /// <summary>What is wrong with the request as (code, message), or null when a token can be issued.</summary>
    public (string Code, string Message)? Problem()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            return ("INVALID_NAME", "Give the token a name of 1-100 characters, e.g. \"ci-pipeline\".");
        var scopes = Scopes ?? [];
        if (scopes.Count == 0 || scopes.Any(s => !TokenScopes.All.Contains(s)))
            return ("INVALID_SCOPES", $"Scopes must be a non-empty subset of: {string.Join(", ", TokenScopes.All)}.");
        return null;
    }
}
