using System.Text;
using ChatBot.Bench.Ack;

namespace ChatBot.Bench.AB;

/// <summary>The A/B section of the results file: one table of both builds' figures and their ratio, then each leg.</summary>
internal sealed record AbResult(AbServer Current, AbServer Baseline, IReadOnlyList<AbLeg> Legs)
{
    /// <summary>Every ack leg's stored-row check held, on both builds.</summary>
    public bool DurabilityHolds => Legs.All(leg => leg.Ack.DurabilityHolds);

    public string ToMarkdown()
    {
        var first = Legs[0];
        var s = new StringBuilder()
            .AppendLine($"## A/B: {Current.Name} against {Baseline.Name}, same machine, same run")
            .AppendLine()
            .AppendLine($"- {Current.Name}: {Current.Build}")
            .AppendLine($"- {Baseline.Name}: {Baseline.Build}")
            .AppendLine()
            .AppendLine("Both builds get the same settings and doubles. Each leg is one complete run of the end-to-end benchmark " +
                        $"({first.EndToEnd.ReceiptMs.Count} mentions after {first.EndToEnd.WarmUp} warm-up) and, after all of those, one of the " +
                        $"`/monitor` ack benchmark (wrk -c{first.Ack.Settings.Connections}, {first.Ack.Settings.Duration.TotalSeconds:F0} s after " +
                        $"{first.Ack.Settings.WarmUp.TotalSeconds:F0} s warm-up, then its Bolt-JS peer), each on a fresh database in the same " +
                        $"throwaway cluster and a server process of its own, in the order {string.Join(" ", Legs.Select(Letter))} " +
                        $"(A = {Current.Name}, B = {Baseline.Name}) so a drift over the run weighs on both alike. End-to-end figures pool " +
                        "the mentions of a build's legs; ack figures are the mean of its legs' wrk figures. Times: lower is better; req/s: higher.")
            .AppendLine()
            .AppendLine($"| metric | {Current.Name} | {Baseline.Name} | ratio {Current.Name} / {Baseline.Name} |")
            .AppendLine("| --- | --- | --- | --- |")
            .AppendLine(Row("end to end: mention → receipt reaches Slack, p50", "ms", legs => Pooled(legs, leg => leg.EndToEnd.ReceiptMs, 50)))
            .AppendLine(Row("end to end: mention → receipt reaches Slack, p99", "ms", legs => Pooled(legs, leg => leg.EndToEnd.ReceiptMs, 99)))
            .AppendLine(Row("end to end: mention → answer reaches Slack, p50", "ms", legs => Pooled(legs, leg => leg.EndToEnd.AnswerMs, 50)))
            .AppendLine(Row("end to end: mention → its 200 ack, p50", "ms", legs => Pooled(legs, leg => leg.EndToEnd.AckMs, 50)))
            .AppendLine(Row("`/monitor` ack under wrk: req/s", "", legs => legs.Average(leg => Monitor(leg).Ours.RequestsPerSecond), AckComparable))
            .AppendLine(Row("`/monitor` ack under wrk: p50", "ms", legs => legs.Average(leg => Monitor(leg).Ours.P50Ms), AckComparable))
            .AppendLine(Row("`/monitor` ack under wrk: p99", "ms", legs => legs.Average(leg => Monitor(leg).Ours.P99Ms), AckComparable))
            .AppendLine(Row("the machine: `GET /health` p50 in the end-to-end legs", "ms", legs => Pooled(legs, leg => leg.EndToEnd.HealthMs, 50)))
            .AppendLine(Row("the machine: Bolt-JS req/s in the ack legs", "", legs => legs.Average(leg => Monitor(leg).Bolt.RequestsPerSecond)))
            .AppendLine()
            .AppendLine("The last two rows measure the machine, not the builds (the same health endpoint's round trip, the same " +
                        "Bolt-JS peer after each leg): a ratio far from 1 there says the run was too noisy to read the others.")
            .AppendLine()
            .AppendLine("| leg | build | receipt p50 | receipt p99 | answer p50 | mention 200 p50 | `GET /health` p50 | `/monitor` req/s | p50 | p99 | Bolt-JS req/s | stored-row check |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var leg in Legs)
        {
            var e = leg.EndToEnd;
            var w = Monitor(leg).Ours;
            s.AppendLine($"| {leg.Number} | {Letter(leg)}: {leg.Server.Name} | {e.ReceiptP50:F1} ms | {e.ReceiptP99:F1} ms | " +
                         $"{Percentiles.Of(e.AnswerMs, 50):F1} ms | {Percentiles.Of(e.AckMs, 50):F2} ms | {e.HealthP50:F2} ms | " +
                         $"{w.RequestsPerSecond:F0} | {w.P50Ms:F2} ms | {w.P99Ms:F2} ms | {Monitor(leg).Bolt.RequestsPerSecond:F0} | " +
                         (leg.Ack.DurabilityHolds ? $"{Monitor(leg).Check.Deliveries} stored for {w.Ok} 2xx" : "**does not hold**") + " |");
        }
        foreach (var leg in Legs)
            foreach (var (side, result) in new[] { (leg.Server.Name, Monitor(leg).Ours), ("Bolt-JS", Monitor(leg).Bolt) })
                if (result.Problem is { } problem)
                    s.AppendLine().AppendLine($"Warning: leg {leg.Number}'s {side} run had {problem}; its figures are not comparable.");
        return s.ToString();

        string Row(string metric, string unit, Func<IReadOnlyList<AbLeg>, double> figure, bool comparable = true)
        {
            var current = figure(Legs.Where(leg => leg.Server == Current).ToList());
            var baseline = figure(Legs.Where(leg => leg.Server == Baseline).ToList());
            var ratio = comparable ? $"{current / baseline:F2}×" : "not comparable (see the warnings below)";
            return $"| {metric} | {Format(current)} | {Format(baseline)} | {ratio} |";

            string Format(double value) => unit == "ms" ? $"{value:F2} ms" : $"{value:F0}";
        }
    }

    /// <summary>No wrk run of ours had a refusal, a timeout or nothing completed (which would average in as zeros).</summary>
    private bool AckComparable => Legs.All(leg => Monitor(leg).Ours.Problem is null);

    /// <summary>The leg's <c>/monitor</c> row, the one row the A/B runs.</summary>
    private static AckRow Monitor(AbLeg leg) => leg.Ack.Rows.Single();

    private string Letter(AbLeg leg) => leg.Server == Current ? "A" : "B";

    private static double Pooled(IReadOnlyList<AbLeg> legs, Func<AbLeg, IReadOnlyList<double>> samples, double percentile) =>
        Percentiles.Of(legs.SelectMany(samples).ToList(), percentile);
}
