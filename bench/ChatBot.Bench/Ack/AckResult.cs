using System.Text;

namespace ChatBot.Bench.Ack;

/// <summary>The ack benchmark's section of the results file: a row per kind of request, its ratios to Bolt, the stored-row checks and the goal.</summary>
internal sealed record AckResult(AckSettings Settings, IReadOnlyList<AckRow> Rows)
{
    /// <summary>Issue #9's goal for a 2-core machine.</summary>
    public const double GoalThroughputRatio = 3.0;
    public const double GoalP99Ms = 10.0;

    public bool DurabilityHolds => Rows.All(r => r.DurabilityHolds);

    public string ToMarkdown()
    {
        var wrk = $"wrk -t{Wrk.Threads} -c{Settings.Connections} -d{Settings.Duration.TotalSeconds:F0}s --latency";
        var bolt = string.Join(", ", Rows.Select(r => r.BoltVersion).Distinct());
        var s = new StringBuilder()
            .AppendLine("## Slack acks: ours against a Bolt-JS peer")
            .AppendLine()
            .AppendLine($"`{wrk}` with `bench/ack/signed-requests.lua`: every request correctly signed and new work (its own trigger_id or event_id), " +
                        $"after a {Settings.WarmUp.TotalSeconds:F0} s warm-up of each side. Ours: the server as its own process on PostgreSQL, a fresh " +
                        $"database per row. Baseline: the Bolt-JS {bolt} peer (`bench/ack/bolt`, its listeners only ack), measured on the same " +
                        "requests right after ours, with our server stopped. Ratios are ours / Bolt.")
            .AppendLine()
            .AppendLine("| request | what ours does before the 200 | ours req/s | Bolt req/s | req/s ours / Bolt | ours p50 | Bolt p50 | ours p99 | Bolt p99 | p99 ours / Bolt |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Rows)
            s.AppendLine($"| {r.Name} | {r.OursStores} | {r.Ours.RequestsPerSecond:F0} | {r.Bolt.RequestsPerSecond:F0} | " +
                         $"{r.Ours.RequestsPerSecond / r.Bolt.RequestsPerSecond:F2}× | {r.Ours.P50Ms:F2} ms | {r.Bolt.P50Ms:F2} ms | " +
                         $"{r.Ours.P99Ms:F2} ms | {r.Bolt.P99Ms:F2} ms | {r.Ours.P99Ms / r.Bolt.P99Ms:F2}× |");
        s.AppendLine()
            .AppendLine("Stored-row checks (every 2xx wrk counted must be a stored delivery with its effect, and nothing stored that wrk did not send):")
            .AppendLine();
        foreach (var r in Rows)
            s.AppendLine($"- {r.Name}: wrk counted {r.Ours.Ok} 2xx of {r.Ours.Sent} requests sent to ours ({r.Ours.Requests} completed); the database holds " +
                         $"{r.Check.Deliveries} inbound deliveries and {r.Check.Effects} {r.Check.EffectsName} for them: " +
                         (r.DurabilityHolds ? "holds." : "**does not hold** (a 2xx without a stored request, or counts that do not match)."));
        s.AppendLine()
            .AppendLine("Warm-ups (not measured; a stall of ours shows here as timeouts):")
            .AppendLine();
        foreach (var r in Rows)
            s.AppendLine($"- {r.Name}: ours {WarmUp(r.OursWarmUp)}; Bolt {WarmUp(r.BoltWarmUp)}.");
        s.AppendLine()
            .AppendLine("Background work while ours was measured (it shares the 2 cores with the acks), warm-up included:")
            .AppendLine();
        foreach (var r in Rows) s.AppendLine($"- {r.Name}: {r.Background}.");
        s.AppendLine()
            .AppendLine($"Goal (issue #9): durable ack ≥ {GoalThroughputRatio:F0}× Bolt-JS's throughput with p99 ≤ {GoalP99Ms:F0} ms. Measured:")
            .AppendLine();
        foreach (var r in Rows)
        {
            var ratio = r.Ours.RequestsPerSecond / r.Bolt.RequestsPerSecond;
            s.AppendLine($"- {r.Name}: {ratio:F2}× with p99 {r.Ours.P99Ms:F2} ms: " +
                         (ratio >= GoalThroughputRatio && r.Ours.P99Ms <= GoalP99Ms ? "met." : "**not met**."));
        }
        foreach (var r in Rows)
        foreach (var (side, result) in new[] { ("ours", r.Ours), ("Bolt", r.Bolt) })
            if (result.Problem is { } problem) s.AppendLine().AppendLine($"Warning: the {side} run of the {r.Name} row had {problem}; its figures are not comparable.");
        return s.ToString();

        static string WarmUp(WrkResult w) => $"{w.Requests} requests at {w.RequestsPerSecond:F0} req/s, p99 {w.P99Ms:F2} ms" + (w.Problem is { } p ? $", {p}" : ", clean");
    }
}
