namespace ChatBot.Bench;

/// <summary>One measured figure with its same-run baseline.</summary>
internal sealed record BenchResult(string Name, IReadOnlyList<double> SamplesMs, IReadOnlyList<double> BaselineMs, string BaselineName)
{
    public double P50 => Percentiles.Of(SamplesMs, 50);
    public double P99 => Percentiles.Of(SamplesMs, 99);
    public double BaselineP50 => Percentiles.Of(BaselineMs, 50);

    public string ToMarkdownRow() =>
        $"| {Name} | {SamplesMs.Count} | {P50:F2} ms | {P99:F2} ms | {BaselineName}: {BaselineP50:F3} ms | {P50 / BaselineP50:F1}× |";
}
