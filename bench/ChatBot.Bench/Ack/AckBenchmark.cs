using System.Globalization;
using System.Security.Cryptography;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using ChatBot.Testing.Slack;

namespace ChatBot.Bench.Ack;

/// <summary>
/// Slack acks under load, one row per kind of request (<see cref="AckRequests"/>): a <c>/monitor</c> slash command,
/// an <c>app_mention</c> event and a button click. wrk sends correctly signed requests, each new work, to our server
/// (its own process, on PostgreSQL, where the request is stored before the 200) and, in the same run right after,
/// to a minimal Bolt-JS app whose listeners only ack: the row's baseline. Afterwards our database must hold a stored
/// delivery, with its effect, for every 2xx wrk counted. <paramref name="serverDll"/> runs another build's server as
/// ours (the A/B mode).
/// </summary>
internal sealed class AckBenchmark(string postgres, AckSettings settings, string? serverDll = null)
{
    private const string Ours = "bench-ours", WarmOurs = "bench-warm-ours", Bolt = "bench-bolt", WarmBolt = "bench-warm-bolt";

    public async Task<AckResult> RunAsync()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "bench", "ack", "signed-requests.lua");
        var boltDirectory = Path.Combine(root, "bench", "ack", "bolt");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var work = Directory.CreateTempSubdirectory("chatbot-bench-ack-");
        try
        {
            // Each mention starts a run: an instant model answers it, so the run's background work stays on this machine.
            await using var model = await ModelDouble.StartAsync();
            model.Fallback = ScriptedModelReply.Answer("HEADLINE: Answered\nOUTCOME: one answer\n\nHere is the answer.");
            await using var page = await LoopbackPage.StartAsync();
            var rows = new List<AckRow>();
            foreach (var (name, make) in new (string, Func<SlackApiDouble, AckRequests>)[]
                     {
                         ("commands", slack => new SlashCommandRequests(page, slack.ResponseUrl(""))),
                         ("events", _ => new MentionEventRequests()),
                         ("clicks", slack => new ButtonClickRequests(page, slack.ResponseUrl(""))),
                     })
            {
                if (!settings.Rows.Contains(name)) continue;
                await using var slack = await SlackApiDouble.StartAsync();
                // As Slack answers auth.test for a real bot token: the token belongs to the team the requests come from.
                slack.BotTeamId = "T0BENCH";
                rows.Add(await RunRowAsync(make(slack), name, script, boltDirectory, secret, work.FullName, model, page, slack));
            }
            return new AckResult(settings, rows);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<AckRow> RunRowAsync(AckRequests requests, string name, string script, string boltDirectory, string secret, string directory,
        ModelDouble model, LoopbackPage page, SlackApiDouble slack)
    {
        var database = await BenchPostgres.CreateDatabaseAsync(postgres, "bench_ack_" + name);
        WrkResult ours, oursWarmUp;
        StoredCheck check;
        string background;
        await using (var server = await ServerProcess.StartAsync(ClusterNode.Settings(database, "bench-ack", model,
                         ("Slack__SigningSecret", secret),
                         ("Slack__BotToken", SlackApiDouble.BotToken),
                         ("Slack__ApiBaseUrl", slack.ApiBaseUrl),
                         // Each /monitor's first check fetches its page: a loopback one, allowed explicitly.
                         ("Egress__AllowedPrivateHosts__0", "127.0.0.1")), directory, serverDll: serverDll))
        {
            await requests.SeedAsync(database, (WarmOurs, FileLength(settings.WarmUp)), (Ours, FileLength(settings.Duration)));
            var fetchesBefore = page.Fetches;
            var url = new Uri(server.BaseUrl, requests.Path);
            oursWarmUp = await MeasureAsync(script, url, requests, directory, WarmOurs, settings.WarmUp, secret);
            ours = await MeasureAsync(script, url, requests, directory, Ours, settings.Duration, secret);
            // wrk stops with requests in flight; let the server finish those before counting what it stored.
            await Task.Delay(TimeSpan.FromSeconds(2));
            check = await requests.CheckAsync(database, Ours);
            var calls = slack.Calls.GroupBy(c => c.Method).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            background = $"Slack calls: {string.Join(", ", calls.DefaultIfEmpty("none"))}; page checks: {page.Fetches - fetchesBefore}";
            if (server.HasExited) throw new InvalidOperationException($"Our server exited during the benchmark:\n{server.Output}");
        }

        // Our server (and its background jobs) is gone before the peer is measured, so they don't share the CPU.
        await using var peer = await BoltPeer.StartAsync(boltDirectory, secret);
        var boltUrl = new Uri(peer.BaseUrl, requests.Path);
        var boltWarmUp = await MeasureAsync(script, boltUrl, requests, directory, WarmBolt, settings.WarmUp, secret);
        var bolt = await MeasureAsync(script, boltUrl, requests, directory, Bolt, settings.Duration, secret);
        return new AckRow(requests.Name, requests.OursStores, ours, bolt, oursWarmUp, boltWarmUp, peer.Version, check, background);
    }

    /// <summary>One wrk run on a request file signed just now. A file that ran out voids the run: a repeated id is not new work.</summary>
    private async Task<WrkResult> MeasureAsync(string script, Uri url, AckRequests requests, string directory, string prefix, TimeSpan duration, string secret)
    {
        var count = FileLength(duration);
        var file = SignedRequestFile.Write(directory, prefix, count, secret, requests);
        var result = await Wrk.RunAsync(script, url, file, requests.ContentType, settings.Connections, duration);
        File.Delete(file);
        Console.WriteLine($"[ack] {prefix} at {url}: {result.Requests} requests, {result.RequestsPerSecond:F0} req/s, " +
                          $"p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms" + (result.Problem is { } problem ? $" ({problem})" : ""));
        if (result.PastTheFile > 0)
            throw new InvalidOperationException($"{prefix}: wrk sent more than the {count} signed requests; raise the ceiling.");
        return result;
    }

    /// <summary>Requests signed for a run of this length: more than any side sends in it.</summary>
    private int FileLength(TimeSpan duration) => settings.RequestsPerSecondCeiling * (int)Math.Ceiling(duration.TotalSeconds);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "bench", "ack", "signed-requests.lua"))) return directory.FullName;
        throw new InvalidOperationException("Could not find bench/ack/signed-requests.lua above " + AppContext.BaseDirectory);
    }
}

/// <param name="Rows">Which rows run: commands, events, clicks.</param>
internal sealed record AckSettings(int Connections, TimeSpan Duration, TimeSpan WarmUp, int RequestsPerSecondCeiling, IReadOnlySet<string> Rows)
{
    public static AckSettings FromEnvironment()
    {
        static int Read(string name, int fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new AckSettings(
            Read("CHATBOT_BENCH_ACK_CONNECTIONS", 32),
            TimeSpan.FromSeconds(Read("CHATBOT_BENCH_ACK_SECONDS", 10)),
            TimeSpan.FromSeconds(Read("CHATBOT_BENCH_ACK_WARMUP_SECONDS", 5)),
            // Over twice the fastest side yet (Bolt-JS, about 4,100 req/s on a quiet machine); a run past it fails.
            10_000,
            (Environment.GetEnvironmentVariable("CHATBOT_BENCH_ACK_ROWS") is { Length: > 0 } rows ? rows : "commands,events,clicks")
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>One row: ours and the Bolt baseline on the same kind of request, with what our database held afterwards.</summary>
internal sealed record AckRow(
    string Name, string OursStores, WrkResult Ours, WrkResult Bolt, WrkResult OursWarmUp, WrkResult BoltWarmUp, string BoltVersion, StoredCheck Check, string Background)
{
    public bool DurabilityHolds => Check.Holds(Ours);
}
