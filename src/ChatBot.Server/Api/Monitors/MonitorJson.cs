using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Common;
using ChatBot.Core.Monitors;

namespace ChatBot.Server.Api.Monitors;

/// <summary>The Monitor API's response bodies, shaped exactly as its OpenAPI document describes.</summary>
public static class MonitorJson
{
    public static JsonObject Monitor(Monitor monitor)
    {
        var body = new JsonObject
        {
            ["monitor_id"] = monitor.Id,
            ["query"] = monitor.Query,
            // The API knows active and canceled; a monitor paused from chat is not running, so it reads as canceled.
            ["status"] = monitor.Status == MonitorStatus.Active ? "active" : "canceled",
            ["cadence"] = WireName.Of(monitor.Cadence),
            ["metadata"] = monitor.Metadata is { } metadata ? JsonSerializer.SerializeToNode(metadata) : null,
            ["created_at"] = Timestamp(monitor.CreatedAt),
            ["last_run_at"] = monitor.LastRunAt is { } last ? Timestamp(last) : null,
        };
        if (monitor.Webhook is { } webhook)
            body["webhook"] = new JsonObject { ["url"] = webhook.Url, ["event_types"] = new JsonArray(webhook.EventTypes.Select(t => (JsonNode)t).ToArray()) };
        if (monitor.OutputSchema is { } schema) body["output_schema"] = JsonNode.Parse(schema);
        return body;
    }

    public static JsonObject Event(MonitorEvent e) => e.Type switch
    {
        MonitorEventType.Event => new JsonObject
        {
            ["type"] = "event",
            ["event_group_id"] = e.EventGroupId,
            ["output"] = e.ResultJson is null ? e.Output : "",
            ["event_date"] = e.EventDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["source_urls"] = new JsonArray(e.SourceUrls.Select(u => (JsonNode)u).ToArray()),
            ["result"] = e.ResultJson is { } json
                ? new JsonObject { ["type"] = "json", ["content"] = JsonNode.Parse(json) }
                : new JsonObject { ["type"] = "text", ["content"] = e.Output },
        },
        MonitorEventType.Completion => new JsonObject { ["type"] = "completion", ["monitor_ts"] = $"completed_{Seconds(e.CreatedAt)}" },
        _ => new JsonObject
        {
            ["type"] = "error",
            ["error"] = e.Error,
            ["id"] = $"error_{Seconds(e.CreatedAt)}",
            ["date"] = Timestamp(e.CreatedAt),
        },
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Seconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
