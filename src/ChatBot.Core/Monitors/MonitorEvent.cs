using ChatBot.Core.Common;

namespace ChatBot.Core.Monitors;

/// <summary>
/// One entry of a monitor's history: a detection (grouped by <see cref="EventGroupId"/>), a quiet completion,
/// or an error. A run produces exactly one of the three kinds.
/// </summary>
public sealed class MonitorEvent
{
    private MonitorEvent() { }

    private MonitorEvent(string monitorId, MonitorEventType type, DateTimeOffset now)
    {
        Id = Ids.NewId("mevt_");
        MonitorId = monitorId;
        Type = type;
        CreatedAt = now;
    }

    public static MonitorEvent Detected(string monitorId, string eventGroupId, string output, DateOnly? eventDate,
        IReadOnlyList<string> sourceUrls, string? resultJson, DateTimeOffset now) =>
        new(monitorId, MonitorEventType.Event, now)
        {
            EventGroupId = eventGroupId,
            Output = output,
            EventDate = eventDate,
            SourceUrls = [.. sourceUrls],
            ResultJson = resultJson,
        };

    public static MonitorEvent Completed(string monitorId, DateTimeOffset now) => new(monitorId, MonitorEventType.Completion, now);

    public static MonitorEvent Failed(string monitorId, string error, DateTimeOffset now) =>
        new(monitorId, MonitorEventType.Error, now) { Error = error };

    public string Id { get; private set; } = "";
    public string MonitorId { get; private set; } = "";
    public MonitorEventType Type { get; private set; }
    public string? EventGroupId { get; private set; }
    public string? Output { get; private set; }
    public DateOnly? EventDate { get; private set; }
    public List<string> SourceUrls { get; private set; } = [];
    /// <summary>Structured result (JSON object text) for monitors with an output schema.</summary>
    public string? ResultJson { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
