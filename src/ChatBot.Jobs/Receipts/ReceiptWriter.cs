using System.Text.Json;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;

namespace ChatBot.Jobs.Receipts;

/// <summary>
/// Builds the receipt outbox row for a run that has just reached a terminal state. The caller adds it to the
/// same unit of work as the transition, so both commit or neither does.
/// </summary>
public sealed class ReceiptWriter(ReceiptFormatter formatter, TimeProvider time)
{
    public Receipt Create(Run run, Workspace workspace)
    {
        if (!run.IsTerminal) throw new InvalidOperationException($"Run {run.Id} is {run.Status}; receipts are for finished runs.");
        var destination = run.Address ?? workspace.Receipts.DefaultChannel;
        var structured = formatter.ToRunReceipt(run, destination?.ChannelId);
        return new Receipt(run.Id, run.WorkspaceId, ReceiptFormatter.KindOf(run), destination, JsonSerializer.Serialize(structured), time.GetUtcNow());
    }
}
