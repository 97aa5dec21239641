using ChatBot.Agent.Egress;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Agent.Monitors;
using ChatBot.Core.Chat;
using ChatBot.Core.Monitors;

namespace ChatBot.Server.Api.Monitors;

/// <summary>
/// Reads and checks Monitor API request bodies by hand, so every problem (wrong type, unknown cadence, bad
/// webhook URL, unsupported schema) comes back at once as a 422 naming its field, never as a half-applied change.
/// </summary>
public sealed class MonitorRequestReader(EgressPolicy egress)
{
    private const int MaxQueryLength = 2000;
    private readonly List<(string Field, string Message)> _problems = [];

    public IReadOnlyList<(string Field, string Message)> Problems => _problems;

    public static async Task<(JsonObject? Body, string? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) is JsonObject body
                ? (body, null)
                : (null, "the request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            return (null, $"the request body is not valid JSON: {ex.Message}");
        }
    }

    public string? Query(JsonObject body)
    {
        if (String(body, "query") is not { } query) { Missing("query"); return null; }
        if (query.Trim().Length == 0) Problem("query", "must not be empty");
        else if (query.Length > MaxQueryLength) Problem("query", $"must be at most {MaxQueryLength} characters");
        return query.Trim();
    }

    public Cadence? Cadence(JsonObject body, bool required)
    {
        if (!body.ContainsKey("cadence")) { if (required) Missing("cadence"); return null; }
        return String(body, "cadence") switch
        {
            "hourly" => Core.Monitors.Cadence.Hourly,
            "daily" => Core.Monitors.Cadence.Daily,
            "weekly" => Core.Monitors.Cadence.Weekly,
            _ => Invalid<Cadence?>("cadence", "must be one of hourly, daily, weekly"),
        };
    }

    public MonitorWebhook? Webhook(JsonObject body)
    {
        if (body["webhook"] is null) return null;
        if (body["webhook"] is not JsonObject webhook) return Invalid<MonitorWebhook?>("webhook", "must be an object with a url");
        var url = String(webhook, "url");
        if (url is null) { Missing("webhook.url"); return null; }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return Invalid<MonitorWebhook?>("webhook.url", "must be an absolute https URL");
        if (egress.Refusal(uri) is { } refused) return Invalid<MonitorWebhook?>("webhook.url", refused);
        IReadOnlyList<string> types = MonitorWebhook.AllEventTypes;
        if (webhook["event_types"] is { } node)
        {
            if (node is not JsonArray array || array.Any(t => t?.GetValueKind() != JsonValueKind.String))
                return Invalid<MonitorWebhook?>("webhook.event_types", "must be an array of event type names");
            types = array.Select(t => t!.GetValue<string>()).Distinct().ToList();
            var unknown = types.FirstOrDefault(t => !MonitorWebhook.AllEventTypes.Contains(t));
            if (unknown is not null)
                return Invalid<MonitorWebhook?>("webhook.event_types", $"'{unknown}' is not one of {string.Join(", ", MonitorWebhook.AllEventTypes)}");
        }
        return new MonitorWebhook(url, types);
    }

    public Dictionary<string, string>? Metadata(JsonObject body)
    {
        if (body["metadata"] is null) return null;
        if (body["metadata"] is not JsonObject metadata || metadata.Any(p => p.Value?.GetValueKind() != JsonValueKind.String))
            return Invalid<Dictionary<string, string>?>("metadata", "must be an object whose values are strings");
        return metadata.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    public string? OutputSchema(JsonObject body)
    {
        if (body["output_schema"] is null) return null;
        var json = body["output_schema"]!.ToJsonString();
        try
        {
            Agent.Monitors.OutputSchema.Parse(json);
            return json;
        }
        catch (FormatException ex)
        {
            return Invalid<string?>("output_schema", ex.Message);
        }
    }

    /// <summary>Our extension: <c>"channel": {"platform": "slack", "channel_id": "C123"}</c> posts the monitor's updates there too.</summary>
    public ChatAddress? Channel(JsonObject body, string workspaceId)
    {
        if (body["channel"] is null) return null;
        if (body["channel"] is not JsonObject channel || String(channel, "channel_id") is not { Length: > 0 } channelId)
            return Invalid<ChatAddress?>("channel", "must be {\"platform\": \"slack\" | \"teams\", \"channel_id\": \"…\"}");
        return String(channel, "platform") switch
        {
            "slack" => new ChatAddress(ChatPlatform.Slack, workspaceId, channelId),
            "teams" => new ChatAddress(ChatPlatform.Teams, workspaceId, channelId),
            "playground" => new ChatAddress(ChatPlatform.Playground, workspaceId, channelId),
            _ => Invalid<ChatAddress?>("channel.platform", "must be slack or teams"),
        };
    }

    public void Problem(string field, string message) => _problems.Add((field, message));

    private void Missing(string field) => Problem(field, "is required");

    private T Invalid<T>(string field, string message)
    {
        Problem(field, message);
        return default!;
    }

    private string? String(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null) return null;
        if (node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        Problem(name, "must be a string");
        return null;
    }
}
