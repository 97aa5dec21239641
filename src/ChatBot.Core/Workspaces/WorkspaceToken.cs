using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Common;

namespace ChatBot.Core.Workspaces;

/// <summary>
/// A workspace API token. The secret is shown once at issue and stored only as a SHA-256 hash; the token's
/// public form is <c>cbt_&lt;token id&gt;.&lt;secret&gt;</c>, so a presented token is looked up by id and its
/// secret compared in constant time.
/// </summary>
public sealed class WorkspaceToken
{
    public const string Prefix = "cbt_";

    private WorkspaceToken() { }

    private WorkspaceToken(string workspaceId, string name, IEnumerable<string> scopes, string secretHash, DateTimeOffset now)
    {
        Id = Ids.NewTokenId();
        WorkspaceId = workspaceId;
        Name = name;
        Scopes = [.. scopes.Distinct()];
        SecretHash = secretHash;
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<string> Scopes { get; private set; } = [];
    public string SecretHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a token and returns it with its one-time plaintext form.</summary>
    public static (WorkspaceToken Token, string Plaintext) Issue(string workspaceId, string name, IEnumerable<string> scopes, DateTimeOffset now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new WorkspaceToken(workspaceId, name, scopes, Hash(secret), now);
        return (token, $"{Prefix}{token.Id}.{secret}");
    }

    /// <summary>Splits a presented token into its id and secret; null when it isn't one of ours.</summary>
    public static (string Id, string Secret)? Parse(string? presented)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var dot = presented.IndexOf('.', Prefix.Length);
        if (dot <= Prefix.Length || dot == presented.Length - 1) return null;
        return (presented[Prefix.Length..dot], presented[(dot + 1)..]);
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
