namespace ChatBot.Agent.Loop;

/// <summary>
/// What <see cref="TaintCheck"/> found in a sensitive call's arguments: a target only fetched content named
/// (<see cref="Refused"/>: the call never reaches an approver), or targets the person did name whose exact form
/// first appeared in fetched content (<see cref="FirstSeenInFetchedContent"/>: the approver is told).
/// </summary>
public sealed record TaintVerdict(string? Refused, IReadOnlyList<string> FirstSeenInFetchedContent)
{
    public static readonly TaintVerdict Clean = new(null, []);
}
