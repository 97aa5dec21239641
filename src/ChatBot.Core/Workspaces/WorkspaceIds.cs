namespace ChatBot.Core.Workspaces;

/// <summary>What a workspace id may look like (Slack team ids, Teams tenant ids, operator-chosen names).</summary>
public static class WorkspaceIds
{
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
