namespace ChatBot.Core.Monitors;

/// <summary>
/// Checks a monitor once: fetches or searches, compares with <see cref="MonitorCheckRequest.PreviousState"/>
/// and reports material changes. Throws on failure (the job records an error event).
/// Implemented by ChatBot.Agent.
/// </summary>
public interface IMonitorChecker
{
    Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct);

    /// <summary>Why this query cannot be monitored with the current configuration, or null when it can.</summary>
    string? ExplainUnsupported(string query, MonitorKind kind);
}
