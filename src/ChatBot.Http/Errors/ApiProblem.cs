using Microsoft.AspNetCore.Http;

namespace ChatBot.Http.Errors;

/// <summary>
/// The one error shape as a typed result, and its only writer: <see cref="ApiError"/> with the request's correlation id,
/// read when the answer is written. Endpoints list in their metadata the statuses they answer with it.
/// </summary>
public sealed class ApiProblem(int status, string code, string message, DateTimeOffset? resetsAt = null)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public string Code => code;

    public string Message => message;

    public string ContentType => "application/json";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        return httpContext.Response.WriteAsJsonAsync(new ApiError(message, code, status, httpContext.TraceIdentifier) { ResetsAt = resetsAt });
    }
}
