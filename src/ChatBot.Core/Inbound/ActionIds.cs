namespace ChatBot.Core.Inbound;

/// <summary>The action ids our buttons carry; the value carries the entity id.</summary>
public static class ActionIds
{
    public const string Approve = "approval.approve";
    public const string Deny = "approval.deny";
    public const string PauseMonitor = "monitor.pause";
    public const string ResumeMonitor = "monitor.resume";
    public const string CancelMonitor = "monitor.cancel";
}
