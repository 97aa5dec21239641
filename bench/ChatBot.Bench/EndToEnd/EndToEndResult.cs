using System.Text;

namespace ChatBot.Bench.EndToEnd;

/// <summary>The end-to-end benchmark's section of the results file.</summary>
internal sealed record EndToEndResult(int WarmUp, IReadOnlyList<double> ReceiptMs, IReadOnlyList<double> AnswerMs, IReadOnlyList<double> AckMs,
    IReadOnlyList<double> HealthMs)
{
    /// <summary>Issue #9's goal for the mention → receipt p50.</summary>
    public const double GoalP50Ms = 100;

    public double ReceiptP50 => Percentiles.Of(ReceiptMs, 50);
    public double ReceiptP99 => Percentiles.Of(ReceiptMs, 99);
    public double HealthP50 => Percentiles.Of(HealthMs, 50);

    public string ToMarkdown()
    {
        var healthP99 = Percentiles.Of(HealthMs, 99);
        var s = new StringBuilder()
            .AppendLine("## End to end: Slack mention → receipt")
            .AppendLine()
            .AppendLine("A correctly signed `app_mention` event to our `/slack/events` (the server as its own process, Production settings, " +
                        "on PostgreSQL, clustered as is the default there) with Slack's Web API played by `SlackApiDouble` and an instant " +
                        "model double, timed from sending the request until the receipt's `chat.postMessage` (text starting \"✓\") reaches " +
                        $"the double; one mention at a time, each in a channel of its own (the bot keeps to Slack's pace of about one post " +
                        "per second per channel, after a burst of 4; a stream in one channel would measure that limit), " +
                        $"{ReceiptMs.Count} samples after {WarmUp} warm-up. Baseline: a `GET /health` " +
                        "round trip to the same server from the same client, taken right before each mention.")
            .AppendLine()
            .AppendLine("| measured from sending the mention | samples | p50 | p99 | p50 / baseline p50 | p99 / baseline p99 |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |")
            .AppendLine(Row("until the receipt reaches Slack", ReceiptMs))
            .AppendLine(Row("until the answer reaches Slack", AnswerMs))
            .AppendLine(Row("until the 200 ack", AckMs))
            .AppendLine(Row("`GET /health` round trip (baseline)", HealthMs))
            .AppendLine()
            .AppendLine($"Goal (issue #9): end-to-end p50 ≤ {GoalP50Ms:F0} ms. Measured: {ReceiptP50:F1} ms: " +
                        (ReceiptP50 <= GoalP50Ms ? "met." : "**not met**."));
        return s.ToString();

        string Row(string name, IReadOnlyList<double> ms) =>
            $"| {name} | {ms.Count} | {Percentiles.Of(ms, 50):F2} ms | {Percentiles.Of(ms, 99):F2} ms | " +
            $"{Percentiles.Of(ms, 50) / HealthP50:F1}× | {Percentiles.Of(ms, 99) / healthP99:F1}× |";
    }
}
