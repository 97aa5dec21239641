namespace ChatBot.Bench;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.OrderBy(x => x).ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
