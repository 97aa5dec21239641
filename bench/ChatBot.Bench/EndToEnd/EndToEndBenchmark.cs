using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using ChatBot.Testing.Slack;

namespace ChatBot.Bench.EndToEnd;

/// <summary>
/// End to end (issue #9 1c): a correctly signed Slack <c>app_mention</c> to our server (its own process, on
/// PostgreSQL, Slack's Web API played by <see cref="SlackApiDouble"/>, an instant model double) until the run's
/// receipt (<c>chat.postMessage</c> whose text starts with "✓") reaches the double. One mention at a time. The
/// baseline, taken right before each sample from the same client: a <c>GET /health</c> round trip to the same server.
/// Each mention is in a channel of its own: Slack allows about one post per second per channel, which the bot
/// keeps to, so a stream of mentions in one channel would measure that limit rather than the bot.
/// <paramref name="serverDll"/> runs another build's server instead of this one (the A/B mode).
/// </summary>
internal sealed class EndToEndBenchmark(string postgres, int samples, int warmUp, string? serverDll = null)
{
    public async Task<EndToEndResult> RunAsync()
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Answered\nOUTCOME: one answer\n\nHere is the answer.");
        await using var slack = await SlackApiDouble.StartAsync();
        // As Slack answers auth.test for a real bot token: the token belongs to the team the requests come from.
        slack.BotTeamId = "T0BENCH";
        var database = await BenchPostgres.CreateDatabaseAsync(postgres, "bench_e2e");
        var directory = Directory.CreateTempSubdirectory("chatbot-bench-e2e-");

        // The double calls back as each call is recorded: the arrival times are taken there, not by polling.
        TaskCompletionSource<long>? answer = null, receipt = null;
        slack.Received = call =>
        {
            if (call.Method != "chat.postMessage") return;
            var now = Stopwatch.GetTimestamp();
            if (call.Arg("text")?.StartsWith('✓') == true) receipt?.TrySetResult(now);
            else answer?.TrySetResult(now);
        };
        try
        {
            await using var server = await ServerProcess.StartAsync(ClusterNode.Settings(database, "e2e", model,
                ("Slack__SigningSecret", secret),
                ("Slack__BotToken", SlackApiDouble.BotToken),
                ("Slack__ApiBaseUrl", slack.ApiBaseUrl)), directory.FullName, serverDll: serverDll);
            using var client = new HttpClient { BaseAddress = server.BaseUrl };
            var signer = new SlackRequestSigner(secret);

            var health = new List<double>(samples);
            var acks = new List<double>(samples);
            var answers = new List<double>(samples);
            var receipts = new List<double>(samples);
            for (var i = 0; i < warmUp + samples; i++)
            {
                var before = Stopwatch.GetTimestamp();
                using (var ok = await client.GetAsync("/health"))
                    if (ok.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /health answered {ok.StatusCode}.");
                var healthMs = Stopwatch.GetElapsedTime(before).TotalMilliseconds;

                answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                receipt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                var ts = $"1700001000.{i:D6}";
                var mention = new JsonObject
                {
                    ["type"] = "event_callback",
                    ["team_id"] = "T0BENCH",
                    ["event_id"] = $"EvBench{i:D6}",
                    ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0BOT", ["is_bot"] = true }),
                    ["event"] = new JsonObject
                    {
                        ["type"] = "app_mention", ["user"] = "U0BENCH", ["text"] = $"<@U0BOT> answer {i}", ["ts"] = ts, ["channel"] = $"C0BENCH{i:D4}",
                    },
                }.ToJsonString();
                using var request = signer.Json("/slack/events", mention);
                var sent = Stopwatch.GetTimestamp();
                using (var ack = await client.SendAsync(request))
                    if (ack.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The mention was answered {ack.StatusCode}.");
                var ackMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                var answered = await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
                var received = await receipt.Task.WaitAsync(TimeSpan.FromSeconds(60));
                if (i < warmUp) continue;
                health.Add(healthMs);
                acks.Add(ackMs);
                answers.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                receipts.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
            }
            if (server.HasExited) throw new InvalidOperationException($"Our server exited during the end-to-end benchmark:\n{server.Output}");
            var result = new EndToEndResult(warmUp, receipts, answers, acks, health);
            Console.WriteLine($"[e2e] {samples} mentions: receipt p50 {result.ReceiptP50:F1} ms, p99 {result.ReceiptP99:F1} ms; " +
                              $"GET /health p50 {result.HealthP50:F2} ms");
            return result;
        }
        finally
        {
            slack.Received = null;
            directory.Delete(recursive: true);
        }
    }
}
