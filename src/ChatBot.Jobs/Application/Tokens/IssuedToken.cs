using ChatBot.Core.Workspaces;

namespace ChatBot.Jobs.Application.Tokens;

/// <summary>A stored token and its plaintext form, which leaves the server once, in the answer to the request that made it.</summary>
public sealed record IssuedToken(WorkspaceToken Token, string Plaintext);
