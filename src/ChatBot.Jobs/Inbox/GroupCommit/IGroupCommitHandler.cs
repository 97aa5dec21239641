namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>
/// A command handler whose rows, the delivery row included, go through <see cref="GroupCommitWriter"/>: the inbox
/// records no delivery of its own for it, and its answer waits for the batch's commit.
/// </summary>
public interface IGroupCommitHandler : ICommandHandler;
