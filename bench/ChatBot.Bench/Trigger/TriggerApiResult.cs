using System.Text;

namespace ChatBot.Bench.Trigger;

/// <summary>The trigger API benchmark's section of the results file.</summary>
internal sealed record TriggerApiResult(int Tokens, int Workspaces, int Concurrency, TimeSpan Duration, LoadFigures Trigger, LoadFigures Health, long StoredRuns)
{
    public bool DurabilityHolds => StoredRuns >= Trigger.Accepted;

    public string ToMarkdown() => new StringBuilder()
        .AppendLine("## Trigger API throughput across many tokens")
        .AppendLine()
        .AppendLine($"{Tokens} API tokens over {Workspaces} workspaces, each used for at most 90 requests (under its 100/minute limit); " +
                    $"{Concurrency} concurrent callers, closed loop, {Duration.TotalSeconds:F0} s; every 202 is a stored run (the model is an " +
                    "instant double, so accepted runs execute on the same 2 cores meanwhile). Baseline: `GET /health` on the same server, " +
                    "same client and concurrency, in the same run.")
        .AppendLine()
        .AppendLine("| load | accepted | refused | accepted / s | p50 | p99 | / s ÷ baseline | p50 ÷ baseline |")
        .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |")
        .AppendLine(Row("`POST /api/workspace/{id}/trigger`", Trigger))
        .AppendLine(Row("`GET /health` (baseline)", Health))
        .AppendLine()
        .AppendLine($"Stored-row check: {Trigger.Accepted} accepted, {StoredRuns} runs in the database " +
                    (DurabilityHolds ? "(every 202 is a stored run)." : "(**some accepted runs are missing**)."))
        .ToString();

    private string Row(string name, LoadFigures figures) =>
        $"| {name} | {figures.Accepted} | {figures.Refused} | {figures.PerSecond:F0} | {figures.P50:F2} ms | {figures.P99:F2} ms | " +
        $"{figures.PerSecond / Health.PerSecond:0.0000}× | {figures.P50 / Health.P50:F1}× |";
}
