namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>How a command's rows fared in their batch.</summary>
public enum CommandWriteKind
{
    /// <summary>Committed: the delivery row and the command's own rows.</summary>
    Stored,

    /// <summary>Its delivery id was taken (earlier in the batch, or already in the table): nothing was written for it.</summary>
    DuplicateDelivery,

    /// <summary>The delivery was recorded, but the channel already watches the query: no second monitor.</summary>
    AlreadyWatched,
}
