namespace ChatBot.Teams.Auth;

/// <summary>The verdict on an inbound bearer token; <see cref="Failure"/> says why for the log (never the caller).</summary>
public sealed record TokenCheck(bool IsValid, string? Failure)
{
    public static readonly TokenCheck Valid = new(true, null);

    public static TokenCheck Fail(string why) => new(false, why);
}
