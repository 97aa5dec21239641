using System.Runtime.InteropServices;
using ChatBot.Bench;

// Usage: dotnet run -c Release --project bench/ChatBot.Bench -- <results.md> [samples]
// Needs CHATBOT_BENCH_POSTGRES (a connection string to an empty database); ./build.sh bench provides one.
var output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}.md");
var samples = args.Length > 1 ? int.Parse(args[1]) : 200;
var postgres = Environment.GetEnvironmentVariable("CHATBOT_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set CHATBOT_BENCH_POSTGRES (./build.sh bench does).");
var sqliteDir = Directory.CreateTempSubdirectory("chatbot-bench-");

var results = new List<BenchResult>
{
    await new JobPickupBenchmark("postgres", postgres, samples).RunAsync(),
    await new JobPickupBenchmark("sqlite", $"Data Source={Path.Combine(sqliteDir.FullName, "bench.db")}", samples).RunAsync(),
};

var report = new System.Text.StringBuilder()
    .AppendLine($"# Benchmarks {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
    .AppendLine()
    .AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB visible to .NET.")
    .AppendLine()
    .AppendLine("Each figure comes with a baseline measured in the same run; compare ratios across runs, not milliseconds.")
    .AppendLine()
    .AppendLine("| benchmark | samples | p50 | p99 | baseline p50 | p50 / baseline |")
    .AppendLine("| --- | --- | --- | --- | --- | --- |");
foreach (var result in results) report.AppendLine(result.ToMarkdownRow());
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
sqliteDir.Delete(recursive: true);
