namespace ChatBot.Testing.Slack;

/// <summary>What the Slack double answers instead of success: an <c>ok:false</c> error code, or a 429.</summary>
public sealed record SlackScriptedFailure(string? Error, int? RetryAfterSeconds)
{
    public static SlackScriptedFailure Fails(string error) => new(error, null);

    public static SlackScriptedFailure RateLimited(int retryAfterSeconds) => new(null, retryAfterSeconds);
}
