using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using ChatBot.Testing.Slack;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// Slack redelivers an event it thinks was missed (X-Slack-Retry-Num), and behind a load balancer each
/// delivery may reach another node. Two real server processes on one PostgreSQL database get the same
/// signed mention five times at once: one run, one answer, one receipt.
/// </summary>
public sealed class SlackRetryStormTests
{
    private const string SigningSecret = "storm-signing-secret";

    [Fact]
    public async Task The_same_event_five_times_across_two_nodes_starts_exactly_one_run()
    {
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Answered once\nOUTCOME: one run\n\nOnly once.");
        await using var slack = await SlackApiDouble.StartAsync();
        var database = await TestPostgres.CreateDatabaseAsync("storm");
        var directory = Directory.CreateTempSubdirectory("chatbot-storm-");
        Dictionary<string, string> Settings(string node) => ClusterNode.Settings(database, node, model,
            ("Slack__SigningSecret", SigningSecret),
            ("Slack__BotToken", SlackApiDouble.BotToken),
            ("Slack__ApiBaseUrl", slack.ApiBaseUrl));
        try
        {
            await using var nodeA = await ServerProcess.StartAsync(Settings("node-a"), directory.FullName);
            await using var nodeB = await ServerProcess.StartAsync(Settings("node-b"), directory.FullName);
            using var a = new HttpClient { BaseAddress = nodeA.BaseUrl };
            using var b = new HttpClient { BaseAddress = nodeB.BaseUrl };
            var signer = new SlackRequestSigner(SigningSecret);
            var mention = new JsonObject
            {
                ["type"] = "event_callback",
                ["team_id"] = "T0STORM",
                ["event_id"] = "EvStorm1",
                ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0BOT", ["is_bot"] = true }),
                ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = "<@U0BOT> answer once", ["ts"] = "1700000400.000100", ["channel"] = "C0STORM" },
            }.ToJsonString();

            var deliveries = Enumerable.Range(0, 5).Select(attempt =>
            {
                var request = signer.Json("/slack/events", mention);
                if (attempt > 0)
                {
                    request.Headers.Add("X-Slack-Retry-Num", attempt.ToString());
                    request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
                }
                return (attempt % 2 == 0 ? a : b).SendAsync(request);
            });
            var responses = await Task.WhenAll(deliveries);

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("✓ Answered once") == true, TimeSpan.FromSeconds(60));
            var dashboard = await a.GetFromJsonAsync<JsonElement>("/api/dashboard");
            Assert.Single(dashboard.GetProperty("recent_runs").EnumerateArray());
            Assert.Single(model.Requests);
            Assert.Single(slack.CallsTo("chat.postMessage"), c => c.Arg("text") == "Only once.");
            Assert.Single(slack.CallsTo("chat.postMessage"), c => c.Arg("text")?.StartsWith("✓ Answered once") == true);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
