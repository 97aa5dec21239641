using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using ChatBot.Testing.Slack;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// A node killed while Slack holds its answer to a receipt's chat.postMessage: the post reached the channel, but the
/// node never learned its ts. The other node takes the delivery over, finds the post by the delivery id it carries as
/// message metadata, and adopts it: one message per receipt in the channel.
/// </summary>
public sealed class SlackPostAfterKillTests
{
    private const string SigningSecret = "kill-signing-secret";
    private const int Runs = 2;

    [Fact]
    public async Task A_receipt_posted_by_a_node_killed_before_it_heard_back_is_adopted_not_posted_again()
    {
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Checked the deploy\nOUTCOME: all green\n\nDeploy 7 is healthy.");
        await using var slack = await SlackApiDouble.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.HoldPostReply = call => IsReceipt(call.Arg("text")) ? release.Task : Task.CompletedTask;
        var database = await TestPostgres.CreateDatabaseAsync("postkill");
        var directory = Directory.CreateTempSubdirectory("chatbot-postkill-");
        Dictionary<string, string> Settings(string node) => ClusterNode.Settings(database, node, model,
            ("Slack__SigningSecret", SigningSecret),
            ("Slack__BotToken", SlackApiDouble.BotToken),
            ("Slack__ApiBaseUrl", slack.ApiBaseUrl),
            ("Jobs__ClusterCheckinInterval", "00:00:01"),
            ("Jobs__RecoverySweepInterval", "00:00:02"));
        try
        {
            await using var nodeB = await ServerProcess.StartAsync(Settings("node-b"), directory.FullName);
            using var b = new HttpClient { BaseAddress = nodeB.BaseUrl };
            var signer = new SlackRequestSigner(SigningSecret);
            for (var i = 1; i <= Runs; i++)
                Assert.Equal(HttpStatusCode.OK, (await b.SendAsync(signer.Json("/slack/events", Mention(i)))).StatusCode);

            // Every receipt has reached the channel; node B is still waiting for Slack's answers when it dies.
            await Eventually.HoldsAsync(() => Task.FromResult(slack.Posted.Count(p => IsReceipt(p.Text)) == Runs), TimeSpan.FromSeconds(90), "both receipts posted and held");
            nodeB.Kill();
            slack.HoldPostReply = null;
            release.SetResult();

            await using var nodeA = await ServerProcess.StartAsync(Settings("node-a"), directory.FullName);
            // Node A takes over node B's deliveries once B is known dead, and asks the threads first.
            await Eventually.HoldsAsync(() => Task.FromResult(slack.CallsTo("conversations.replies").Count(c => c.Arg("include_all_metadata") == "true") >= Runs),
                TimeSpan.FromSeconds(120), "node A looking for the receipts node B posted");
            await Eventually.HoldsAsync(async () => (await DeliveredReceiptsAsync(database)) == Runs, TimeSpan.FromSeconds(60), "both receipts recorded as delivered");

            for (var i = 1; i <= Runs; i++)
            {
                var receipt = Assert.Single(slack.Posted, p => p.Channel == Channel(i) && IsReceipt(p.Text));
                Assert.Equal("chatbot_delivery", receipt.Metadata?["event_type"]?.GetValue<string>());
                Assert.Single(slack.Posted, p => p.Channel == Channel(i) && p.Text == "Deploy 7 is healthy.");
            }
            // Only node B's posts: node A adopted them.
            Assert.Equal(Runs, slack.CallsTo("chat.postMessage").Count(c => IsReceipt(c.Arg("text"))));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool IsReceipt(string? text) => text?.StartsWith("✓ Checked the deploy", StringComparison.Ordinal) == true;

    private static string Channel(int i) => $"C0KILL{i}";

    private static string Mention(int i) => new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0KILL",
        ["event_id"] = $"EvKill{i}",
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0BOT", ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = "<@U0BOT> check the deploy", ["ts"] = $"1700000500.00010{i}", ["channel"] = Channel(i) },
    }.ToJsonString();

    /// <summary>Read from the database the nodes share, as an operator would.</summary>
    private static async Task<long> DeliveredReceiptsAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM receipts WHERE \"Status\" = 'Delivered'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
