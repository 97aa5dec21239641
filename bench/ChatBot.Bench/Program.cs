using System.Runtime.InteropServices;
using ChatBot.Bench;
using ChatBot.Bench.AB;
using ChatBot.Bench.Ack;
using ChatBot.Bench.Dispatch;
using ChatBot.Bench.EndToEnd;
using ChatBot.Bench.Scale;
using ChatBot.Bench.Trigger;

// Usage: dotnet run -c Release --project bench/ChatBot.Bench -- <results.md> [samples]
// Needs CHATBOT_BENCH_POSTGRES (a connection string to an empty database), wrk on the PATH and `npm ci` done in
// bench/ack/bolt; ./build.sh bench provides all three. CHATBOT_BENCH_ONLY=pickup|ack|dispatch|e2e|trigger|scale runs one benchmark;
// CHATBOT_BENCH_ONLY=ab runs the end-to-end and ack benchmarks against this build and CHATBOT_BENCH_AB_SERVER's (bench/README.md).
var output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}.md");
var samples = args.Length > 1 ? int.Parse(args[1]) : 200;
var postgres = Environment.GetEnvironmentVariable("CHATBOT_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set CHATBOT_BENCH_POSTGRES (./build.sh bench does).");
var only = Environment.GetEnvironmentVariable("CHATBOT_BENCH_ONLY");
var sqliteDir = Directory.CreateTempSubdirectory("chatbot-bench-");

var results = new List<BenchResult>();
if (only is null or "" or "pickup")
{
    results.Add(await new JobPickupBenchmark("postgres", postgres, samples).RunAsync());
    results.Add(await new JobPickupBenchmark("sqlite", $"Data Source={Path.Combine(sqliteDir.FullName, "bench.db")}", samples).RunAsync());
}
AckResult? ack = only is null or "" or "ack" ? await new AckBenchmark(postgres, AckSettings.FromEnvironment()).RunAsync() : null;
DispatchResult? dispatch = only is null or "" or "dispatch"
    ? await new DispatchBenchmark(postgres, ReadInt("CHATBOT_BENCH_DISPATCH_RUNS", 1000)).RunAsync()
    : null;
EndToEndResult? e2e = only is null or "" or "e2e"
    ? await new EndToEndBenchmark(postgres, ReadInt("CHATBOT_BENCH_E2E_SAMPLES", 100), 20).RunAsync()
    : null;
TriggerApiResult? trigger = only is null or "" or "trigger"
    ? await new TriggerApiBenchmark(postgres, tokens: 200, workspaces: 20, concurrency: 32, TimeSpan.FromSeconds(10)).RunAsync()
    : null;
ScaleResult? scale = only is null or "" or "scale"
    ? await new ScaleBenchmark(postgres, new ScaleSettings(
        ReadInt("CHATBOT_BENCH_SCALE_MONITORS", 100_000),
        32,
        TimeSpan.FromSeconds(ReadInt("CHATBOT_BENCH_SCALE_WINDOW_SECONDS", 120)),
        TimeSpan.FromSeconds(15),
        TimeSpan.FromMinutes(30))).RunAsync()
    : null;
AbResult? ab = only == "ab"
    ? await new AbBenchmark(postgres,
        AbServer.FromEnvironment("CHATBOT_BENCH_AB_CURRENT", "current", required: false),
        AbServer.FromEnvironment("CHATBOT_BENCH_AB", "baseline", required: true),
        ReadInt("CHATBOT_BENCH_AB_ROUNDS", 1),
        ReadInt("CHATBOT_BENCH_E2E_SAMPLES", 100), 20,
        // The A/B compares the /monitor row only: the other rows' seeding writes this build's model into both databases.
        AckSettings.FromEnvironment() with { Rows = new HashSet<string>(["commands"]) }).RunAsync()
    : null;

var report = new System.Text.StringBuilder()
    .AppendLine($"# Benchmarks {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
    .AppendLine()
    .AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB visible to .NET.")
    .AppendLine()
    .AppendLine("Each figure comes with a baseline measured in the same run; compare ratios across runs, not milliseconds.");
if (results.Count > 0)
{
    report.AppendLine()
        .AppendLine("| benchmark | samples | p50 | p99 | baseline p50 | p50 / baseline |")
        .AppendLine("| --- | --- | --- | --- | --- | --- |");
    foreach (var result in results) report.AppendLine(result.ToMarkdownRow());
}
if (ack is not null) report.AppendLine().Append(ack.ToMarkdown());
if (dispatch is not null) report.AppendLine().Append(dispatch.ToMarkdown());
if (e2e is not null) report.AppendLine().Append(e2e.ToMarkdown());
if (trigger is not null) report.AppendLine().Append(trigger.ToMarkdown());
if (scale is not null) report.AppendLine().Append(scale.ToMarkdown());
if (ab is not null) report.AppendLine().Append(ab.ToMarkdown());
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
sqliteDir.Delete(recursive: true);
if (trigger is { DurabilityHolds: false }) throw new InvalidOperationException("The trigger benchmark's stored-row check failed; see " + output);
if (scale is { AllCreated: false }) throw new InvalidOperationException("The scale benchmark could not create every monitor; see " + output);
if (ab is { DurabilityHolds: false }) throw new InvalidOperationException("An A/B ack leg's stored-row check failed; see " + output);
if (ack is { DurabilityHolds: false }) throw new InvalidOperationException("The ack benchmark's stored-row check failed; see " + output);

static int ReadInt(string name, int fallback) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
