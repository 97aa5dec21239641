namespace ChatBot.Core.Runs;

/// <summary>
/// The one place run transitions are defined:
/// queued → running → awaiting_approval ⇄ running → succeeded | denied | failed | canceled | expired.
/// </summary>
public static class RunStateMachine
{
    private static readonly Dictionary<RunStatus, RunStatus[]> Allowed = new()
    {
        [RunStatus.Queued] = [RunStatus.Running, RunStatus.Failed, RunStatus.Canceled],
        [RunStatus.Running] = [RunStatus.AwaitingApproval, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Canceled, RunStatus.Queued],
        [RunStatus.AwaitingApproval] = [RunStatus.Running, RunStatus.Denied, RunStatus.Expired, RunStatus.Canceled, RunStatus.Failed],
        [RunStatus.Succeeded] = [],
        [RunStatus.Denied] = [],
        [RunStatus.Failed] = [],
        [RunStatus.Canceled] = [],
        [RunStatus.Expired] = [],
    };

    public static bool CanMove(RunStatus from, RunStatus to) => Allowed[from].Contains(to);

    public static bool IsTerminal(RunStatus status) => Allowed[status].Length == 0;
}
