using System.Text;

namespace ChatBot.Bench.Scale;

/// <summary>The scale benchmark's section of the results file.</summary>
internal sealed record ScaleResult(
    ScaleSettings Settings,
    LoadFigures Health,
    LoadFigures Creation,
    CpuShare CreationCpu,
    long CheckedOnce,
    TimeSpan FirstChecksDrain,
    TimeSpan CaughtUp,
    ProcessMemory Idle,
    ProcessMemory AfterCreation,
    ProcessMemory AfterFirstChecks,
    ProcessMemory AtEnd,
    long EmptyDatabaseBytes,
    DatabaseSize Size,
    FireLag Fires)
{
    private const double MemoryGoalMb = 512;
    private const double LagGoalMs = 1000;

    public bool AllCreated => Creation.Accepted == Settings.Monitors && Creation.Refused == 0;

    public string ToMarkdown()
    {
        var peak = AtEnd.PeakMb;
        var memoryMet = peak <= MemoryGoalMb;
        var lagMet = Fires.Recorded == Fires.Due && Fires.P99 <= LagGoalMs;
        return new StringBuilder()
            .AppendLine($"## Scale: {Settings.Monitors:N0} hourly monitors")
            .AppendLine()
            .AppendLine($"Created through `POST /v1alpha/monitors` by {Settings.Concurrency} concurrent callers (closed loop) against our server " +
                        "(its own process, Production settings, PostgreSQL, clustered), with API tokens over 20 workspaces, each token used " +
                        "for 90 creations (under its 100/minute limit). Every monitor watches a page on loopback and runs its first check " +
                        "at once, as the API does. Baselines in the same run: `GET /health` from the same client and concurrency; the " +
                        "server's memory before the first monitor; the freshly migrated database's size.")
            .AppendLine()
            .AppendLine("| creation | created | refused | created / s | p50 | p99 | / s ÷ baseline | p50 ÷ baseline |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |")
            .AppendLine(Row("`POST /v1alpha/monitors`", Creation))
            .AppendLine(Row("`GET /health` (baseline)", Health))
            .AppendLine()
            .AppendLine($"CPU while creating (first checks included, they run meanwhile): our server {CreationCpu.ServerBusy:P0} and PostgreSQL " +
                        $"{CreationCpu.PostgresBusy:P0} of all {Environment.ProcessorCount} cores; per monitor created, {CreationCpu.Server.TotalMilliseconds / Creation.Accepted:F1} ms " +
                        $"of server CPU and {CreationCpu.Postgres.TotalMilliseconds / Creation.Accepted:F1} ms of PostgreSQL's.")
            .AppendLine()
            .AppendLine($"First checks: {CheckedOnce:N0} of {Creation.Accepted:N0} monitors had recorded their first check " +
                        $"{FirstChecksDrain.TotalSeconds:F0} s after the last creation, and no trigger was overdue (the hourly slots that came due " +
                        $"during that backlog had fired too) {CaughtUp.TotalSeconds:F0} s after it.")
            .AppendLine()
            .AppendLine("| server memory | resident | ÷ idle |")
            .AppendLine("| --- | --- | --- |")
            .AppendLine($"| idle, no monitors (baseline) | {Idle.ResidentMb:F0} MB | 1.0× |")
            .AppendLine($"| after creating them | {AfterCreation.ResidentMb:F0} MB | {AfterCreation.ResidentMb / Idle.ResidentMb:F1}× |")
            .AppendLine($"| after their first checks | {AfterFirstChecks.ResidentMb:F0} MB | {AfterFirstChecks.ResidentMb / Idle.ResidentMb:F1}× |")
            .AppendLine($"| after the fire window | {AtEnd.ResidentMb:F0} MB | {AtEnd.ResidentMb / Idle.ResidentMb:F1}× |")
            .AppendLine($"| peak over the whole run (VmHWM) | {peak:F0} MB | {peak / Idle.ResidentMb:F1}× |")
            .AppendLine()
            .AppendLine("| database | size | ÷ empty database | per monitor |")
            .AppendLine("| --- | --- | --- | --- |")
            .AppendLine($"| freshly migrated (baseline) | {Mb(EmptyDatabaseBytes)} | 1.0× | – |")
            .AppendLine($"| at the end | {Mb(Size.Total)} | {(double)Size.Total / EmptyDatabaseBytes:F1}× | {PerMonitor(Size.Total - EmptyDatabaseBytes)} |")
            .AppendLine($"| of which `monitors` | {Mb(Size.Monitors)} | – | {PerMonitor(Size.Monitors)} |")
            .AppendLine($"| of which `monitor_events` (one check each, plus the window's) | {Mb(Size.MonitorEvents)} | – | {PerMonitor(Size.MonitorEvents)} |")
            .AppendLine($"| of which the job store's tables (Hangfire: the checks run so far) | {Mb(Size.JobStore)} | – | {PerMonitor(Size.JobStore)} |")
            .AppendLine()
            .AppendLine($"Hourly fire lag, in real time, once caught up: each monitor's slot is a stable jitter over the hour, so the {Settings.Window.TotalSeconds:F0} s " +
                        $"window that followed held {Fires.Due:N0} due fires (about {Fires.Due / Settings.Window.TotalSeconds:F0}/s, the rate " +
                        $"{Settings.Monitors:N0} hourly monitors make around the clock). Lag = the check's recorded time (`monitor_events`) − its slot, " +
                        "so it includes the page fetch. Not accelerated: a faster clock would squeeze the hour's spread into a burst the real " +
                        "schedule never makes. Baseline: the `GET /health` p50 above.")
            .AppendLine()
            .AppendLine("| fires due | recorded | lag p50 | lag p99 | lag max | p50 ÷ baseline |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |")
            .AppendLine($"| {Fires.Due:N0} | {Fires.Recorded:N0} | {Fires.P50:F0} ms | {Fires.P99:F0} ms | {Fires.Max:F0} ms | {Fires.P50 / Health.P50:F0}× |")
            .AppendLine()
            .AppendLine($"Goals (issue #9): ≤ 512 MB resident with {Settings.Monitors:N0} monitors — peak {peak:F0} MB: **{(memoryMet ? "met" : "not met")}**; " +
                        $"hourly lag ≤ 1 s — p99 {Fires.P99:F0} ms, {Fires.Due - Fires.Recorded} missed: **{(lagMet ? "met" : "not met")}**.")
            .ToString();
    }

    private string PerMonitor(long bytes) => $"{(double)bytes / Settings.Monitors / 1024:F1} KiB";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:F0} MB";

    private string Row(string name, LoadFigures figures) =>
        $"| {name} | {figures.Accepted:N0} | {figures.Refused} | {figures.PerSecond:F0} | {figures.P50:F2} ms | {figures.P99:F2} ms | " +
        $"{figures.PerSecond / Health.PerSecond:0.0000}× | {figures.P50 / Health.P50:F1}× |";
}
