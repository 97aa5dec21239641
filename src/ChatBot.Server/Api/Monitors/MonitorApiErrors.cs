using System.Text.Json.Nodes;

namespace ChatBot.Server.Api.Monitors;

/// <summary>
/// The Monitor API's own error shape, <c>{"type":"error","error":{"ref_id","message","detail"}}</c>, kept because
/// its clients expect it; the ref id is the request's correlation id, as in every other API's errors.
/// </summary>
public static class MonitorApiErrors
{
    public const string Unauthorized = "Unauthorized: invalid or missing credentials";
    public const string MonitorNotFound = "Monitor not found";
    public const string NotFound = "Resource not found";

    public static IResult Result(HttpContext http, int status, string message, JsonNode? detail = null) =>
        Results.Json(new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["ref_id"] = http.TraceIdentifier, ["message"] = message, ["detail"] = detail },
        }, statusCode: status);

    /// <summary>422 listing every problem as <c>{"errors":[{"field","message"}]}</c> so a client can fix them all at once.</summary>
    public static IResult Validation(HttpContext http, IReadOnlyList<(string Field, string Message)> problems) =>
        Result(http, 422, "Unprocessable content: request validation error", new JsonObject
        {
            ["errors"] = new JsonArray(problems.Select(p => (JsonNode)new JsonObject { ["field"] = p.Field, ["message"] = p.Message }).ToArray()),
        });
}
