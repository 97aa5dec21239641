using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using ChatBot.Server.Ops;

namespace ChatBot.Server.Auth;

/// <summary>Issues workspace tokens: the secret leaves the server once, in the response, and is stored hashed.</summary>
public sealed class TokenIssuer(ChatBotDbContext db, TimeProvider time)
{
    /// <summary>Adds the token to the unit of work; the caller saves (with anything it revokes in the same save).</summary>
    public IssuedTokenResponse Issue(string workspaceId, string name, IEnumerable<string> scopes)
    {
        var (token, plaintext) = WorkspaceToken.Issue(workspaceId, name.Trim(), scopes, time.GetUtcNow());
        db.WorkspaceTokens.Add(token);
        return new IssuedTokenResponse(token.Id, plaintext, token.Name, workspaceId, token.Scopes);
    }
}
