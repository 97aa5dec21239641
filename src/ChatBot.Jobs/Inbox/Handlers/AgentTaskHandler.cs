using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>A mention, DM or playground task: a queued run whose answer and receipt come back in the same thread.</summary>
public sealed class AgentTaskHandler(ChatBotDbContext db, SpendGuard spend, RunEstimator estimator, WorkScheduler scheduler, TimeProvider time) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var task = (AgentTaskCommand)invocation.Command;
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == invocation.Address.WorkspaceId, ct);
        if (workspace.Suspended) return CommandResult.Say("This workspace is suspended, so I can't start new tasks. An operator can lift the suspension.");
        var budget = await spend.CheckAsync(db, workspace, ct);
        if (!budget.Allowed) return CommandResult.Say(budget.Explanation);

        var run = new Run(workspace.Id, SourceOf(invocation.Address.Platform), task.Task, invocation.Address, invocation.User, time.GetUtcNow())
        {
            EstimatedCredits = estimator.Estimate(task.Task),
        };
        db.Runs.Add(run);
        db.InboundDeliveries.Local.Single(d => d.Id == invocation.DeliveryId).RunId = run.Id;
        await scheduler.SaveAndScheduleAsync(db, s => s.Run(run.Id), ct);
        return CommandResult.Nothing;
    }

    public static RunSource SourceOf(ChatPlatform platform) => platform switch
    {
        ChatPlatform.Slack => RunSource.Slack,
        ChatPlatform.Teams => RunSource.Teams,
        _ => RunSource.Playground,
    };
}
