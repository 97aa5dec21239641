namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>A command waiting in the writer's queue; its request awaits <see cref="Completion"/>, set once its batch has committed.</summary>
internal sealed class PendingCommand(CommandRows rows)
{
    public CommandRows Rows { get; } = rows;

    public TaskCompletionSource<CommandWrite> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
