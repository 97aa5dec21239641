namespace ChatBot.Core.Workspaces;

/// <summary>What a workspace token may do.</summary>
public static class TokenScopes
{
    public const string Trigger = "trigger";
    public const string Monitors = "monitors";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Trigger, Monitors, Admin];
}
