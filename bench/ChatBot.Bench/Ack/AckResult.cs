using System.Text;

namespace ChatBot.Bench.Ack;

/// <summary>The ack benchmark's section of the results file: both sides, the ratio, the stored-row check and the goal.</summary>
internal sealed record AckResult(AckSettings Settings, AckSide Ours, AckSide Bolt, string BoltVersion)
{
    /// <summary>Issue #9's goal for a 2-core machine.</summary>
    public const double GoalThroughputRatio = 3.0;
    public const double GoalP99Ms = 10.0;

    public double ThroughputRatio => Ours.Wrk.RequestsPerSecond / Bolt.Wrk.RequestsPerSecond;

    /// <summary>Every 2xx wrk counted is a stored command; nothing is stored that wrk did not send.</summary>
    public bool DurabilityHolds =>
        Ours.StoredDeliveries is { } stored && Ours.StoredMonitors == stored && stored >= Ours.Wrk.Ok && stored <= Ours.Wrk.Sent;

    public string ToMarkdown()
    {
        var wrk = $"wrk -t{Wrk.Threads} -c{Settings.Connections} -d{Settings.Duration.TotalSeconds:F0}s --latency";
        var s = new StringBuilder()
            .AppendLine($"## Slash-command ack: `/monitor` against ours and a Bolt-JS peer")
            .AppendLine()
            .AppendLine($"`{wrk}` with `bench/ack/signed-commands.lua`: every request correctly signed, each with its own trigger_id, " +
                        $"after a {Settings.WarmUp.TotalSeconds:F0} s warm-up of each side. Baseline: the Bolt-JS {BoltVersion} peer " +
                        "(`bench/ack/bolt`, its listener only acks), measured in the same run right after ours, with our server stopped.")
            .AppendLine()
            .AppendLine("| server | requests | req/s | p50 | p99 | req/s / baseline | p99 / baseline |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |")
            .AppendLine(Row("ours: PostgreSQL, command stored before the 200", Ours.Wrk))
            .AppendLine(Row($"Bolt-JS {BoltVersion}, ack only (baseline)", Bolt.Wrk))
            .AppendLine()
            .AppendLine($"Stored-row check: wrk counted {Ours.Wrk.Ok} 2xx of {Ours.Wrk.Sent} requests sent to ours; the database holds " +
                        $"{Ours.StoredDeliveries} inbound deliveries and {Ours.StoredMonitors} monitors for them " +
                        (DurabilityHolds ? "(every 2xx is a stored command)." : "(**does not hold**: a 2xx without a stored command, or a count that does not match)."))
            .AppendLine()
            .AppendLine($"Background work while measuring (it shares the 2 cores with the acks): {Ours.RootMessagesPosted} monitor root messages posted " +
                        $"and {Ours.PageFetches} page checks fetched by the end of ours' run, warm-up included.")
            .AppendLine()
            .AppendLine($"Goal (issue #9): durable ack ≥ {GoalThroughputRatio:F0}× Bolt-JS's throughput with p99 ≤ {GoalP99Ms:F0} ms. " +
                        $"Measured: {ThroughputRatio:F2}× with p99 {Ours.Wrk.P99Ms:F2} ms: " +
                        (ThroughputRatio >= GoalThroughputRatio && Ours.Wrk.P99Ms <= GoalP99Ms ? "met." : "**not met**."));
        foreach (var (side, result) in new[] { ("ours", Ours.Wrk), ("Bolt", Bolt.Wrk) })
            if (result.Problem is { } problem) s.AppendLine().AppendLine($"Warning: the {side} run had {problem}; its figures are not comparable.");
        return s.ToString();

        string Row(string name, WrkResult r) =>
            $"| {name} | {r.Requests} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} ms | {r.P99Ms:F2} ms | " +
            $"{r.RequestsPerSecond / Bolt.Wrk.RequestsPerSecond:F2}× | {r.P99Ms / Bolt.Wrk.P99Ms:F2}× |";
    }
}
