using ChatBot.Core.Runs;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The run a trigger started (or, for a repeated idempotency key, started before), or why it started none.</summary>
public sealed record TriggerOutcome(Run? Run, TriggerRefusal? Refusal)
{
    public static TriggerOutcome Started(Run run) => new(run, null);

    public static TriggerOutcome Refused(int status, string code, string message) => new(null, new TriggerRefusal(status, code, message));
}
