using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Monitors;

/// <summary>The Monitor API's error body, <c>{"type":"error","error":{"ref_id","message","detail"}}</c>, as its spec defines it.</summary>
public sealed record MonitorApiErrorResponse(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("error")] MonitorApiError Error);

/// <summary>The error itself: the request's correlation id as the reference, a message, and optional detail.</summary>
public sealed record MonitorApiError(
    [property: JsonPropertyName("ref_id")] string RefId,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("detail")] JsonObject? Detail);
