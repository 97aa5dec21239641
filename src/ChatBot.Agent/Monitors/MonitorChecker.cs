using ChatBot.Core.Monitors;

namespace ChatBot.Agent.Monitors;

/// <summary>Routes a check to the page, feed or topic monitor by the monitor's kind.</summary>
public sealed class MonitorChecker(PageMonitor pages, FeedMonitor feeds, TopicMonitor topics) : IMonitorChecker
{
    public const string TopicUnsupported =
        "Watching a topic needs web search and a model: set Search__Provider (searxng or brave, with Search__Endpoint / Search__ApiKey) " +
        "and Agent__Provider. Until then, monitor a page or feed URL instead (e.g. `/monitor https://example.com/changelog`).";

    public Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct) => request.Kind switch
    {
        MonitorKind.Page => pages.CheckAsync(request, ct),
        MonitorKind.Feed => feeds.CheckAsync(request, ct),
        _ => topics.CheckAsync(request, ct),
    };

    public string? ExplainUnsupported(string query, MonitorKind kind) =>
        kind == MonitorKind.Topic && !topics.IsAvailable ? TopicUnsupported : null;
}
