namespace ChatBot.Server.Errors;

/// <summary>Builds <see cref="ApiError"/> responses carrying the request's correlation id.</summary>
public static class ApiErrors
{
    public static IResult Result(HttpContext context, int status, string code, string message) =>
        Results.Json(new ApiError(message, code, status, context.TraceIdentifier), statusCode: status);

    public static IResult SpendCapReached(HttpContext context, string message, DateTimeOffset resetsAt) =>
        Results.Json(new ApiError(message, "SPEND_CAP_REACHED", 402, context.TraceIdentifier) { ResetsAt = resetsAt }, statusCode: 402);

    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return Result(context, 429, "RATE_LIMITED", $"Over {Auth.TokenRateLimiter.RequestsPerMinute} requests per minute for this token; retry in {seconds}s.");
    }

    public static IResult TooManyFailedAttempts(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return Result(context, 429, "TOO_MANY_FAILED_ATTEMPTS", $"Too many failed authentication attempts from this address; retry in {seconds}s.");
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds (at least 1) and returns them, for the message.</summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message, code, status, context.TraceIdentifier));
    }
}
