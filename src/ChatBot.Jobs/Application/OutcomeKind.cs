namespace ChatBot.Jobs.Application;

/// <summary>How a use case ended, in words every adapter can turn into its own answer (chat text, an API error shape).</summary>
public enum OutcomeKind
{
    /// <summary>The change was made and saved.</summary>
    Changed,
    /// <summary>The thing was already in the asked-for state (or someone else decided first); nothing was saved.</summary>
    AlreadyInState,
    NotFound,
    /// <summary>The caller may not do this (not an approver, an unsupported query, a suspended workspace...).</summary>
    NotAllowed,
    /// <summary>The thing's state does not allow this change (resuming a canceled monitor, retrying a running run).</summary>
    InvalidTransition,
    /// <summary>Others kept changing the thing while this change was re-applied; the caller may simply try again.</summary>
    Busy,
}
