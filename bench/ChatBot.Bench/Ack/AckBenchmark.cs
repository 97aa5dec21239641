using System.Globalization;
using System.Security.Cryptography;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Slack;
using Npgsql;

namespace ChatBot.Bench.Ack;

/// <summary>
/// Slash-command ack under load: wrk sends correctly signed <c>/monitor</c> commands, each with its own
/// trigger_id, to our <c>/slack/commands</c> (the real server as its own process, on PostgreSQL, where the
/// command is stored before the 200) and, in the same run, to a minimal Bolt-JS app whose listener only acks.
/// The Bolt peer is the baseline. Afterwards the database must hold a command for every 2xx wrk counted.
/// <paramref name="serverDll"/> runs another build's server as ours (the A/B mode).
/// </summary>
internal sealed class AckBenchmark(string postgres, AckSettings settings, string? serverDll = null)
{
    public async Task<AckResult> RunAsync()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "bench", "ack", "signed-commands.lua");
        var boltDirectory = Path.Combine(root, "bench", "ack", "bolt");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var work = Directory.CreateTempSubdirectory("chatbot-bench-ack-");
        try
        {
            await using var slack = await SlackApiDouble.StartAsync();
            // As Slack answers auth.test for a real bot token: the token belongs to the team the requests come from.
            slack.BotTeamId = "T0BENCH";
            await using var page = await LoopbackPage.StartAsync();
            var database = await BenchPostgres.CreateDatabaseAsync(postgres, "bench_ack");

            AckSide ours;
            await using (var server = await ServerProcess.StartAsync(new Dictionary<string, string>
                         {
                             ["Storage__Provider"] = "postgres",
                             ["ConnectionStrings__ChatBot"] = database,
                             ["Slack__SigningSecret"] = secret,
                             ["Slack__BotToken"] = SlackApiDouble.BotToken,
                             ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
                             // Each /monitor's first check fetches its page: a loopback one, allowed explicitly.
                             ["Egress__AllowedPrivateHosts__0"] = "127.0.0.1",
                             ["Jobs__InstanceName"] = "bench-ack",
                         }, work.FullName, serverDll: serverDll))
            {
                var url = new Uri(server.BaseUrl, "/slack/commands");
                await MeasureAsync(script, url, work.FullName, "bench-warm-ours", settings.WarmUp, secret, page.UrlFor("warm-up"), slack);
                var measured = await MeasureAsync(script, url, work.FullName, "bench-ours", settings.Duration, secret, page.UrlFor("measured"), slack);
                // wrk stops with requests in flight; let the server finish those before counting what it stored.
                await Task.Delay(TimeSpan.FromSeconds(2));
                var stored = await CountAsync(database,
                    "SELECT count(*) FROM inbound_deliveries WHERE \"Id\" LIKE @p", SignedCommandFile.DeliveryIdPattern("bench-ours"));
                // Each request watches its own query (SignedCommandFile appends ?n=<i>), so every stored command is one monitor.
                var monitors = await CountAsync(database, "SELECT count(*) FROM monitors WHERE \"Query\" LIKE @p", page.UrlFor("measured") + "?n=%");
                var rootsPosted = slack.CallsTo("chat.postMessage").Count;
                ours = new AckSide(measured, stored, monitors, rootsPosted, page.Fetches);
                if (server.HasExited) throw new InvalidOperationException($"Our server exited during the benchmark:\n{server.Output}");
            }

            // Our server (and its background jobs) is gone before the peer is measured, so they don't share the CPU.
            AckSide bolt;
            string boltVersion;
            await using (var peer = await BoltPeer.StartAsync(boltDirectory, secret))
            {
                boltVersion = peer.Version;
                await MeasureAsync(script, peer.CommandsUrl, work.FullName, "bench-warm-bolt", settings.WarmUp, secret, page.UrlFor("bolt"), slack);
                var measured = await MeasureAsync(script, peer.CommandsUrl, work.FullName, "bench-bolt", settings.Duration, secret, page.UrlFor("bolt"), slack);
                bolt = new AckSide(measured, null, null, null, null);
            }
            return new AckResult(settings, ours, bolt, boltVersion);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One wrk run on a request file signed just now. A file that ran out voids the run: a repeated trigger_id is not new work.</summary>
    private async Task<WrkResult> MeasureAsync(string script, Uri url, string directory, string prefix, TimeSpan duration, string secret,
        string monitorUrl, SlackApiDouble slack)
    {
        var count = settings.RequestsPerSecondCeiling * (int)Math.Ceiling(duration.TotalSeconds);
        var file = SignedCommandFile.Write(directory, prefix, count, secret, monitorUrl, slack.ResponseUrl(""));
        var result = await Wrk.RunAsync(script, url, file, settings.Connections, duration);
        File.Delete(file);
        Console.WriteLine($"[ack] {prefix} at {url}: {result.Requests} requests, {result.RequestsPerSecond:F0} req/s, " +
                          $"p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms" + (result.Problem is { } problem ? $" ({problem})" : ""));
        if (result.PastTheFile > 0)
            throw new InvalidOperationException($"{prefix}: wrk sent more than the {count} signed requests; raise the ceiling.");
        return result;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "bench", "ack", "signed-commands.lua"))) return directory.FullName;
        throw new InvalidOperationException("Could not find bench/ack/signed-commands.lua above " + AppContext.BaseDirectory);
    }
}

internal sealed record AckSettings(int Connections, TimeSpan Duration, TimeSpan WarmUp, int RequestsPerSecondCeiling)
{
    public static AckSettings FromEnvironment()
    {
        static int Read(string name, int fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new AckSettings(
            Read("CHATBOT_BENCH_ACK_CONNECTIONS", 32),
            TimeSpan.FromSeconds(Read("CHATBOT_BENCH_ACK_SECONDS", 10)),
            TimeSpan.FromSeconds(Read("CHATBOT_BENCH_ACK_WARMUP_SECONDS", 5)),
            20_000);
    }
}

/// <summary>One side's measured run; the stored counts only for ours.</summary>
internal sealed record AckSide(WrkResult Wrk, long? StoredDeliveries, long? StoredMonitors, long? RootMessagesPosted, long? PageFetches);
