using System.Text.Json.Nodes;

namespace ChatBot.Server.Api.Monitors;

/// <summary>
/// The Monitor API's own error shape (<see cref="MonitorApiErrorResponse"/>), kept because its clients expect it;
/// the ref id is the request's correlation id, as in every other API's errors.
/// </summary>
public static class MonitorApiErrors
{
    public const string Unauthorized = "Unauthorized: invalid or missing credentials";
    public const string MonitorNotFound = "Monitor not found";
    public const string NotFound = "Resource not found";

    public static IResult Result(HttpContext http, int status, string message, JsonObject? detail = null) =>
        Results.Json(new MonitorApiErrorResponse("error", new MonitorApiError(http.TraceIdentifier, message, detail)), statusCode: status);

    /// <summary>422 listing every problem so a client can fix them all at once.</summary>
    public static IResult Validation(HttpContext http, IReadOnlyList<(string Field, string Message)> problems) =>
        Result(http, 422, "Unprocessable content: request validation error", Problems(problems));

    /// <summary><c>{"errors":[{"field","message"}]}</c>.</summary>
    public static JsonObject Problems(IReadOnlyList<(string Field, string Message)> problems) => new()
    {
        ["errors"] = new JsonArray(problems.Select(p => (JsonNode)new JsonObject { ["field"] = p.Field, ["message"] = p.Message }).ToArray()),
    };

    /// <summary>
    /// Lists the answers every operation may give besides its own (401 bad key, 403 key without the monitors scope,
    /// 429 over the rate) in the OpenAPI document, in this shape.
    /// </summary>
    public static RouteGroupBuilder ProducesMonitorApiErrors(this RouteGroupBuilder group)
    {
        foreach (var status in new[] { 401, 403, 429 })
            group.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(MonitorApiErrorResponse), ["application/json"]));
        return group;
    }
}
