using System.Text;

namespace ChatBot.Bench.Dispatch;

/// <summary>The dispatch benchmark's section of the results file.</summary>
internal sealed record DispatchResult(int Runs, DispatchFigure BaselineOne, DispatchFigure BaselineTwo, DispatchFigure OursOne, DispatchFigure OursTwo)
{
    /// <summary>Issue #9's goal: runs started per second, cluster-wide.</summary>
    public const double GoalPerSecond = 300;

    public string ToMarkdown()
    {
        var s = new StringBuilder()
            .AppendLine($"## Dispatch throughput: {Runs:N0} runs queued at once")
            .AppendLine()
            .AppendLine($"Ours: {Runs:N0} `POST /api/playground/messages` while every node is drained (job server stopped), then released; " +
                        "the model is an instant double, each run does its real work (claim, model call, result and receipt rows, a stored " +
                        "receipt-delivery job; the deliveries themselves fire after the backlog and are not timed). Runs started per second = " +
                        $"(runs − 1) / (last StartedAt − first StartedAt) from the runs table. `Jobs__MaxConcurrentRunsPerWorkspace` = " +
                        $"{DispatchBenchmark.PerWorkspaceLimit} so the per-workspace cap (all playground runs are one workspace's) does not bind; " +
                        "other settings are the server's defaults on PostgreSQL (clustered, 16 worker threads per node). " +
                        $"Baseline: Hangfire alone in this process, same store settings (Hangfire.PostgreSql, long polling, enlistment), " +
                        $"16 workers per job server, {Runs:N0} no-op jobs enqueued before any job server starts, then released; " +
                        "executions per second over first → last execution. Each scenario on a fresh database. CPU per run or job: CPU time " +
                        "of our server processes (for the baseline, of the bench process running Hangfire) from release until done, divided " +
                        "by the count; CPU busy: that time as a share of all the cores over the same wall time (PostgreSQL's own CPU, and " +
                        "anything else running on the machine, come on top).")
            .AppendLine()
            .AppendLine("| scenario | first → last start | started / s | release → last start | release → last run done | / Hangfire 1 server | / Hangfire same count | CPU per run or job | CPU busy | notes |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
            .AppendLine(Row("Hangfire alone, 1 job server (baseline)", BaselineOne, BaselineOne))
            .AppendLine(Row("Hangfire alone, 2 job servers", BaselineTwo, BaselineTwo))
            .AppendLine(Row("ours, 1 server process", OursOne, BaselineOne))
            .AppendLine(Row("ours, 2 clustered server processes", OursTwo, BaselineTwo))
            .AppendLine()
            .AppendLine($"Goal (issue #9): ≥ {GoalPerSecond:F0} runs started / s cluster-wide. Measured: {OursOne.PerSecond:F0}/s on one node " +
                        $"({Verdict(OursOne)}), {OursTwo.PerSecond:F0}/s on two ({Verdict(OursTwo)}).");
        return s.ToString();

        string Row(string name, DispatchFigure f, DispatchFigure sameCount) =>
            $"| {name} | {f.Window.TotalMilliseconds:F0} ms | {f.PerSecond:F0} | {f.ReleaseToLastStart.TotalMilliseconds:F0} ms | " +
            $"{(f.ReleaseToLastDone is { } done ? $"{done.TotalMilliseconds:F0} ms" : "–")} | {f.PerSecond / BaselineOne.PerSecond:F2}× | " +
            $"{f.PerSecond / sameCount.PerSecond:F2}× | {f.CpuPerItem.TotalMilliseconds:F1} ms | {f.CpuShare:P0} | {f.Notes} |";

        static string Verdict(DispatchFigure f) => f.PerSecond >= GoalPerSecond ? "met" : "**not met**";
    }
}
