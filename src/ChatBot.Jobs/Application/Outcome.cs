namespace ChatBot.Jobs.Application;

/// <summary>
/// The neutral result of an application service: what happened, the thing as it now stands (when there is one),
/// and a reason in plain words for anything but <see cref="OutcomeKind.Changed"/>.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Subject, string? Reason = null) where T : class
{
    public bool IsChanged => Kind == OutcomeKind.Changed;

    public static Outcome<T> Changed(T subject) => new(OutcomeKind.Changed, subject);
    public static Outcome<T> AlreadyInState(T subject, string reason) => new(OutcomeKind.AlreadyInState, subject, reason);
    public static Outcome<T> NotFound(string reason) => new(OutcomeKind.NotFound, null, reason);
    public static Outcome<T> NotAllowed(string reason, T? subject = null) => new(OutcomeKind.NotAllowed, subject, reason);
    public static Outcome<T> InvalidTransition(T subject, string reason) => new(OutcomeKind.InvalidTransition, subject, reason);
    public static Outcome<T> Busy(T subject, string reason) => new(OutcomeKind.Busy, subject, reason);
}
