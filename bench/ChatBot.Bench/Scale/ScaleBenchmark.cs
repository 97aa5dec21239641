using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Bench.Ack;
using ChatBot.Core.Monitors;
using ChatBot.Testing.Hosting;
using Npgsql;

namespace ChatBot.Bench.Scale;

/// <summary>
/// Scale (issue #9 1d): <c>monitors</c> hourly monitors created through the Monitor API on PostgreSQL, each
/// watching a loopback page, by <c>concurrency</c> callers with API tokens kept under their per-minute limit.
/// Measures the creation rate, the server's resident memory, the database's size, and the lag of the hourly
/// fires that fall in a window of real time once the first checks are done.
/// </summary>
/// <remarks>
/// The fires are not accelerated: each monitor's hourly slot is a stable jitter over the hour, so any window of
/// W seconds holds about W/3600 of them, arriving at the production rate. A faster clock would compress the hour
/// into a burst the real schedule never makes.
/// </remarks>
internal sealed class ScaleBenchmark(string postgres, ScaleSettings settings)
{
    private const int PerTokenBudget = 90;
    private const int Workspaces = 20;

    public async Task<ScaleResult> RunAsync()
    {
        await using var page = await LoopbackPage.StartAsync();
        var database = await BenchPostgres.CreateDatabaseAsync(postgres, "bench_scale");
        var directory = Directory.CreateTempSubdirectory("chatbot-bench-scale-");
        try
        {
            await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["ConnectionStrings__ChatBot"] = database,
                ["Egress__AllowPrivateNetworks"] = "true",
                ["Jobs__InstanceName"] = "bench-scale",
            }, directory.FullName);
            using var client = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
            var idle = ProcessMemory.Of(server.ProcessId);
            var emptyDatabase = await BenchPostgres.ScalarAsync<long>(database, "SELECT pg_database_size(current_database())");

            var tokens = await IssueTokensAsync(client, (settings.Monitors + PerTokenBudget - 1) / PerTokenBudget);
            await ClosedLoop.RunAsync(client, settings.Concurrency, _ => new HttpRequestMessage(HttpMethod.Get, "/health"), TimeSpan.FromSeconds(2));
            var health = await ClosedLoop.RunAsync(client, settings.Concurrency, _ => new HttpRequestMessage(HttpMethod.Get, "/health"), TimeSpan.FromSeconds(5));

            var query = page.UrlFor("scale");
            var body = JsonSerializer.Serialize(new { query, cadence = "hourly" });
            var (serverCpu, postgresCpu, wall) = (ProcessCpu.Servers(), ProcessCpu.Postgres(), Stopwatch.StartNew());
            Console.WriteLine($"[scale] creating {settings.Monitors} monitors with {tokens.Count} tokens, {settings.Concurrency} callers");
            var creation = await ClosedLoop.RunAsync(client, settings.Concurrency, i =>
            {
                if (i >= settings.Monitors) return null;
                var request = new HttpRequestMessage(HttpMethod.Post, "/v1alpha/monitors")
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                };
                // Token i / budget is used for exactly `budget` creations: never over its per-minute limit.
                request.Headers.Add("x-api-key", tokens[i / PerTokenBudget]);
                return request;
            }, TimeSpan.MaxValue);
            var created = ProcessMemory.Of(server.ProcessId);
            var cpu = new CpuShare(ProcessCpu.Servers() - serverCpu, ProcessCpu.Postgres() - postgresCpu, wall.Elapsed);
            Console.WriteLine($"[scale] CPU while creating: server {cpu.ServerBusy:P0}, PostgreSQL {cpu.PostgresBusy:P0} of all cores");
            Console.WriteLine($"[scale] {creation.Accepted} created at {creation.PerSecond:F0}/s, {creation.Refused} refused; RSS {created.ResidentMb:F0} MB");

            // Every creation runs a first check at once; the fires are measured after that backlog is done.
            var drain = Stopwatch.StartNew();
            long checkedOnce;
            while ((checkedOnce = await BenchPostgres.ScalarAsync<long>(database, "SELECT count(DISTINCT \"MonitorId\") FROM monitor_events")) < creation.Accepted)
            {
                if (server.HasExited) throw new InvalidOperationException($"Our server exited during the scale benchmark:\n{server.Output}");
                if (drain.Elapsed > settings.DrainTimeout) break;
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            var firstChecks = drain.Elapsed;
            // Hourly slots that came due during that backlog are late too; the fire lag is measured once the scheduler
            // has caught up (no trigger overdue), i.e. in the steady state the 100,000 monitors make.
            while (await OverdueTriggersAsync(database) > 0 && drain.Elapsed < settings.DrainTimeout)
                await Task.Delay(TimeSpan.FromSeconds(2));
            var caughtUp = drain.Elapsed;
            var drained = ProcessMemory.Of(server.ProcessId);
            Console.WriteLine($"[scale] first checks: {checkedOnce} of {creation.Accepted} in {firstChecks.TotalSeconds:F0} s after creation, " +
                              $"no trigger overdue after {caughtUp.TotalSeconds:F0} s; RSS {drained.ResidentMb:F0} MB");

            var fires = await MeasureFiresAsync(database, server);
            var end = ProcessMemory.Of(server.ProcessId);
            var size = await SizesAsync(database);
            Console.WriteLine($"[scale] fires: {fires.Recorded} of {fires.Due} due, lag p50 {fires.P50:F0} ms p99 {fires.P99:F0} ms; " +
                              $"RSS {end.ResidentMb:F0} MB (peak {end.PeakMb:F0}); database {size.Total / 1048576.0:F0} MB");
            return new ScaleResult(settings, health, creation, cpu, checkedOnce, firstChecks, caughtUp, idle, created, drained, end, emptyDatabase, size, fires);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Active monitors whose next check is more than 2 s past: due, and not yet enqueued by a poller.</summary>
    private static Task<long> OverdueTriggersAsync(string database) =>
        BenchPostgres.ScalarAsync<long>(database,
            """SELECT count(*) FROM monitors WHERE "Status" = 'Active' AND "DeletedAt" IS NULL AND "NextCheckAt" < now() - interval '2 seconds'""");

    private async Task<List<string>> IssueTokensAsync(HttpClient client, int count)
    {
        var tokens = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync($"/api/ops/workspaces/ws_scale_{i % Workspaces:D2}/tokens",
                new { name = $"scale-{i}", scopes = new[] { "monitors" } });
            response.EnsureSuccessStatusCode();
            tokens.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }
        return tokens;
    }

    /// <summary>
    /// The hourly slots due in [start, start + window] (computed from each monitor's id, as the server schedules them),
    /// matched with the check each one recorded: lag = recorded − slot. A slot with no check by the end is a miss.
    /// </summary>
    private async Task<FireLag> MeasureFiresAsync(string database, ServerProcess server)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var end = start + settings.Window;
        var due = new Dictionary<string, DateTimeOffset>();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"Id\" FROM monitors", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetString(0);
                var slot = CadenceRules.NextFireAfter(id, Cadence.Hourly, start);
                if (slot <= end) due[id] = slot;
            }
        }
        Console.WriteLine($"[scale] measuring {due.Count} hourly fires due in the next {settings.Window.TotalSeconds:F0} s");
        await Task.Delay(end - DateTimeOffset.UtcNow + settings.Grace);
        if (server.HasExited) throw new InvalidOperationException($"Our server exited during the scale benchmark:\n{server.Output}");

        var lags = new List<double>();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT \"MonitorId\", min(\"CreatedAt\") FROM monitor_events WHERE \"CreatedAt\" >= @start GROUP BY \"MonitorId\"", connection);
            command.Parameters.AddWithValue("start", start.UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!due.TryGetValue(reader.GetString(0), out var slot)) continue;
                var recorded = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
                lags.Add((recorded - slot).TotalMilliseconds);
            }
        }
        return new FireLag(due.Count, lags.Count, settings.Window, Percentiles.Of(lags, 50), Percentiles.Of(lags, 99), lags.Count > 0 ? lags.Max() : double.NaN);
    }

    private static async Task<DatabaseSize> SizesAsync(string database) => new(
        await BenchPostgres.ScalarAsync<long>(database, "SELECT pg_database_size(current_database())"),
        await BenchPostgres.ScalarAsync<long>(database, "SELECT pg_total_relation_size('monitors')"),
        await BenchPostgres.ScalarAsync<long>(database, "SELECT pg_total_relation_size('monitor_events')"),
        await BenchPostgres.ScalarAsync<decimal>(database,
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'hangfire'::regnamespace") is var jobStore
            ? (long)jobStore
            : 0);
}
