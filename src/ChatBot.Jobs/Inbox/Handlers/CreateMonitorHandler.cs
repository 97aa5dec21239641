using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Monitors;
using ChatBot.Persistence;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>
/// <c>/monitor</c>, <c>/hourly</c>, <c>/weekly</c>: stores the monitor; its trigger outbox then schedules it, with a first
/// check at once (which posts the root message).
/// </summary>
public sealed class CreateMonitorHandler(ChatBotDbContext db, IMonitorChecker checker, MonitorTriggerOutbox outbox, TimeProvider time) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (CreateMonitorCommand)invocation.Command;
        var kind = MonitorClassifier.Classify(command.Query);
        if (checker.ExplainUnsupported(command.Query, kind) is { } why) return CommandResult.Say(why);

        var monitor = new Monitor(invocation.Address.WorkspaceId, command.Query, command.Cadence, kind,
            invocation.Address.WithoutThread(), invocation.User, time.GetUtcNow());
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync(ct);
        outbox.Nudge();
        return CommandResult.Say(
            $"Monitoring {command.Query} · {CadenceRules.Describe(command.Cadence)}. Updates will appear in a thread in this channel; reply `cancelmonitor` there to stop.");
    }
}
