using System.Diagnostics.Metrics;

namespace ChatBot.Jobs.Observability;

/// <summary>
/// The measurements this process makes as work happens (exported at <c>/prometheus</c>). Counts that live in the
/// database (runs by state, pending approvals) are observed from <see cref="OpsStatisticsCache"/> instead.
/// </summary>
public sealed class ChatBotMetrics
{
    public const string MeterName = "ChatBot";

    private readonly Histogram<double> _pickup;
    private readonly Counter<long> _platformCalls;

    public ChatBotMetrics(IMeterFactory meters, OpsStatisticsCache statistics)
    {
        var meter = Meter = meters.Create(MeterName);
        _pickup = meter.CreateHistogram<double>("chatbot.job.pickup.latency", "s",
            "Time from a job's scheduled fire time to a worker starting it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _platformCalls = meter.CreateCounter<long>("chatbot.platform.api.calls", null, "Calls to chat platform APIs by platform and outcome");

        meter.CreateObservableGauge("chatbot.runs", () => statistics.Current.RunsByState.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("state", p.Key))),
            null, "Runs by state");
        meter.CreateObservableGauge("chatbot.monitors", () => statistics.Current.MonitorsByState.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("state", p.Key))),
            null, "Monitors by state");
        meter.CreateObservableGauge("chatbot.approvals.pending", () => statistics.Current.PendingApprovals, null, "Approval requests waiting for a decision");
        meter.CreateObservableCounter("chatbot.receipts", () => statistics.Current.ReceiptsByDelivery.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("delivery", p.Key))),
            null, "Receipts by delivery status");
        meter.CreateObservableCounter("chatbot.monitor.runs", () => statistics.Current.MonitorRunsByOutcome.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("outcome", p.Key))),
            null, "Monitor checks by outcome (event, completion, error)");
        meter.CreateObservableCounter("chatbot.credits", () => statistics.Current.CreditsTotal, null, "Credits charged by all runs");
    }

    /// <summary>This host's meter (one per host, even when several hosts share a process).</summary>
    public Meter Meter { get; }

    public void RecordPickup(TimeSpan latency) => _pickup.Record(Math.Max(0, latency.TotalSeconds));

    /// <summary>One call to a platform API; <paramref name="status"/> is the HTTP status (429 counts as rate limited).</summary>
    public void RecordPlatformCall(string platform, int status) =>
        _platformCalls.Add(1,
            new KeyValuePair<string, object?>("platform", platform),
            new KeyValuePair<string, object?>("outcome", status == 429 ? "rate_limited" : status is >= 200 and < 300 ? "ok" : "error"));
}
