using ChatBot.Core.Monitors;

namespace ChatBot.Core.Views;

public sealed record MonitorListItem(string MonitorId, string Query, Cadence Cadence, MonitorStatus Status, DateTimeOffset? LastRunAt);
