namespace ChatBot.Server.Errors;

/// <summary>Builds <see cref="ApiProblem"/> answers: the one error shape, carrying the request's correlation id.</summary>
public static class ApiErrors
{
    public static ApiProblem Result(int status, string code, string message) => new(status, code, message);

    public static ApiProblem SpendCapReached(string message, DateTimeOffset resetsAt) => new(402, "SPEND_CAP_REACHED", message, resetsAt);

    public static ApiProblem TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return Result(429, "RATE_LIMITED", $"Over {Auth.TokenRateLimiter.RequestsPerMinute} requests per minute for this token; retry in {seconds}s.");
    }

    public static ApiProblem TooManyFailedAttempts(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return Result(429, "TOO_MANY_FAILED_ATTEMPTS", $"Too many failed authentication attempts from this address; retry in {seconds}s.");
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds (at least 1) and returns them, for the message.</summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message) => new ApiProblem(status, code, message).ExecuteAsync(context);
}
