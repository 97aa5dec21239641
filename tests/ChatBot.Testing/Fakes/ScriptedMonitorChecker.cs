using System.Collections.Concurrent;
using ChatBot.Core.Monitors;

namespace ChatBot.Testing.Fakes;

/// <summary>
/// A monitor checker whose findings a test scripts, for testing scheduling, threads and failure notices apart
/// from fetching; the real checker is tested against a web double.
/// </summary>
public sealed class ScriptedMonitorChecker : IMonitorChecker
{
    private readonly ConcurrentQueue<Func<MonitorCheckRequest, MonitorCheckResult>> _script = new();

    public ConcurrentQueue<MonitorCheckRequest> Requests { get; } = new();

    /// <summary>Returned by <see cref="ExplainUnsupported"/> for topic queries, as a checker without search would.</summary>
    public string? TopicRefusal { get; set; }

    public ScriptedMonitorChecker Then(Func<MonitorCheckRequest, MonitorCheckResult> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public ScriptedMonitorChecker ThenNothing(string? state = "same") => Then(_ => new MonitorCheckResult([], state, 0));

    public ScriptedMonitorChecker ThenDetect(string summary, params string[] sources) =>
        Then(_ => new MonitorCheckResult([new MonitorDetection(summary, sources, null)], "changed", 0));

    public ScriptedMonitorChecker ThenFail(string error) => Then(_ => throw new HttpRequestException(error));

    public Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct)
    {
        Requests.Enqueue(request);
        var step = _script.TryDequeue(out var next) ? next : (_ => new MonitorCheckResult([], request.PreviousState, 0));
        return Task.FromResult(step(request));
    }

    public string? ExplainUnsupported(string query, MonitorKind kind) => kind == MonitorKind.Topic ? TopicRefusal : null;
}
