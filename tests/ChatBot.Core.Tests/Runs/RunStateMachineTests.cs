using ChatBot.Core.Chat;
using ChatBot.Core.Common;
using ChatBot.Core.Runs;

namespace ChatBot.Core.Tests.Runs;

public sealed class RunStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Run NewRun() => new("ws", RunSource.Api, "do x", null, null, Now);

    [Fact]
    public void Approval_round_trip_reaches_success()
    {
        var run = NewRun();
        run.Start(Now);
        run.AwaitApproval("Send email", Now);
        run.ResumeApproved("aidan", Now);
        run.Succeed("Sent", "1 email", "done", Now.AddSeconds(1));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.ApprovalsRequired);
        Assert.Equal(1, run.ApprovalsGranted);
        Assert.Equal(Now.AddSeconds(1), run.CompletedAt);
        Assert.True(run.IsTerminal);
    }

    [Fact]
    public void Every_transition_bumps_the_concurrency_version()
    {
        var run = NewRun();
        run.Start(Now);
        run.Requeue(Now);
        run.Start(Now);
        Assert.Equal(3, run.Version);
        Assert.Equal(2, run.Attempt);
    }

    [Theory]
    [InlineData(RunStatus.Succeeded)]
    [InlineData(RunStatus.Denied)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Canceled)]
    [InlineData(RunStatus.Expired)]
    public void Terminal_states_go_nowhere(RunStatus terminal)
    {
        Assert.True(RunStateMachine.IsTerminal(terminal));
        foreach (var to in Enum.GetValues<RunStatus>()) Assert.False(RunStateMachine.CanMove(terminal, to));
    }

    [Fact]
    public void Invalid_transitions_throw_and_change_nothing()
    {
        var run = NewRun();
        var error = Assert.Throws<InvalidTransitionException>(() => run.Succeed("h", "s", "o", Now));
        Assert.Equal(RunStatus.Queued, run.Status);
        Assert.Equal(0, run.Version);
        Assert.Contains(run.Id, error.Message);
    }

    [Fact]
    public void Denial_is_only_possible_while_awaiting_approval()
    {
        var run = NewRun();
        run.Start(Now);
        Assert.Throws<InvalidTransitionException>(() => run.Deny("x", Now));
        run.AwaitApproval("Send", Now);
        run.Deny("x", Now);
        Assert.Equal(RunStatus.Denied, run.Status);
        Assert.Equal("x", run.DecidedBy);
    }

    [Fact]
    public void Charges_accumulate_and_tools_stay_distinct()
    {
        var run = NewRun();
        run.Charge(10, ["web:fetch"]);
        run.Charge(5, ["web:fetch", "slack:history"]);
        Assert.Equal(15, run.CreditsUsed);
        Assert.Equal(["web:fetch", "slack:history"], run.ToolsUsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.Charge(-1, []));
    }

    [Fact]
    public void New_runs_have_well_formed_ids()
    {
        var run = new Run("ws", RunSource.Slack, "x", new ChatAddress(ChatPlatform.Slack, "T", "C"), null, Now);
        Assert.Matches("^run_[a-z0-9]{26}$", run.Id);
        Assert.Matches("^mr_[a-z0-9]+$", run.CorrelationId);
        Assert.Equal(RunStatus.Queued, run.Status);
    }
}
