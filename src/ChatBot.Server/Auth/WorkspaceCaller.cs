using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Auth;

/// <summary>An authenticated workspace token's holder.</summary>
public sealed record WorkspaceCaller(WorkspaceToken Token)
{
    public string WorkspaceId => Token.WorkspaceId;
}
