using System.Collections.Concurrent;
using System.Net;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// The durable ack under group commit: signed <c>/monitor</c> commands from many concurrent senders reach a real server
/// process on PostgreSQL, which is killed with SIGKILL while commands are still arriving and batches are being written.
/// After a restart on the same database, every command that was answered 200 has its delivery row and its monitor,
/// and each such monitor's first check (a job) runs.
/// </summary>
public sealed class SlashCommandAckKillTests
{
    private const string SigningSecret = "ack-kill-signing-secret";
    private const int Commands = 600;
    private const int Senders = 24;

    [Fact]
    public async Task Killed_under_concurrent_slash_commands_the_server_keeps_every_acknowledged_monitor_and_runs_its_first_check()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var page = await StartPageAsync();
        var database = await TestPostgres.CreateDatabaseAsync("ackkill");
        var directory = Directory.CreateTempSubdirectory("chatbot-ackkill-");
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__ChatBot"] = database,
            ["Jobs__InstanceName"] = "ack-kill",
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = SlackApiDouble.BotToken,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
            // Each monitor's first check fetches its page, a loopback one allowed by name.
            ["Egress__AllowedPrivateHosts__0"] = "127.0.0.1",
        };
        try
        {
            var acknowledged = new ConcurrentBag<int>();
            await using (var first = await ServerProcess.StartAsync(settings, directory.FullName))
            {
                using var client = new HttpClient { BaseAddress = first.BaseUrl };
                var signer = new SlackRequestSigner(SigningSecret);
                var quarterAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var next = 0;
                var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
                {
                    for (var i = Interlocked.Increment(ref next); i <= Commands && !killed.Task.IsCompleted; i = Interlocked.Increment(ref next))
                    {
                        try
                        {
                            var response = await client.SendAsync(signer.Form("/slack/commands", Command(i, PageUrl(page, i), slack)));
                            if (response.StatusCode != HttpStatusCode.OK) continue;
                            acknowledged.Add(i);
                            if (acknowledged.Count >= Commands / 4) quarterAcknowledged.TrySetResult();
                        }
                        catch (HttpRequestException) when (killed.Task.IsCompleted)
                        {
                            // In flight when the process died: never acknowledged, so nothing is owed.
                        }
                    }
                })).ToList();

                // Killed mid-stream: some commands answered, others queued in the writer or still being sent.
                await quarterAcknowledged.Task.WaitAsync(TimeSpan.FromMinutes(3));
                // Said first, so a sender that meets the dead process knows why; requests already sent stay in flight.
                killed.SetResult();
                first.Kill();
                await Task.WhenAll(senders);
            }
            Assert.NotEmpty(acknowledged);

            await using var second = await ServerProcess.StartAsync(settings, directory.FullName);
            var stored = await DeliveryIdsAsync(database);
            var monitored = await MonitoredQueriesAsync(database, "");
            foreach (var i in acknowledged)
            {
                Assert.Contains($"slack-cmd-kill-{i}", stored);
                Assert.Contains(PageUrl(page, i), monitored);
            }
            // Whatever was stored (acknowledged or caught by the kill after its commit) gets its first check.
            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, """SELECT count(*) FROM monitors WHERE "LastRunAt" IS NULL""") == 0,
                TimeSpan.FromMinutes(4), "every stored monitor's first check ran");
            var checkedQueries = await MonitoredQueriesAsync(database, """ WHERE "LastRunAt" IS NOT NULL""");
            Assert.All(acknowledged, i => Assert.Contains(PageUrl(page, i), checkedQueries));
            Assert.Equal(stored.Count, monitored.Count);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string PageUrl(WebApplication page, int i) => new Uri(LoopbackServer.AddressOf(page), $"/pricing?n={i}").ToString();

    private static Dictionary<string, string> Command(int i, string query, SlackApiDouble slack) => new()
    {
        ["token"] = "kill-verification-token",
        ["team_id"] = "T0ACKKILL",
        ["team_domain"] = "ackkill",
        ["channel_id"] = "C0ACKKILL",
        ["channel_name"] = "general",
        ["user_id"] = "U0ADA",
        ["user_name"] = "ada",
        ["command"] = "/monitor",
        ["text"] = query,
        ["api_app_id"] = "A0ACKKILL",
        ["response_url"] = slack.ResponseUrl("kill-" + i),
        ["trigger_id"] = "kill-" + i,
    };

    private static async Task<WebApplication> StartPageAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        app.MapGet("/pricing", () => Results.Content("<html><body><h1>Pricing</h1><p>Team plan: $10 per seat.</p></body></html>", "text/html"));
        await app.StartAsync();
        return app;
    }

    private static async Task<HashSet<string>> DeliveryIdsAsync(string database) =>
        await StringsAsync(database, """SELECT "Id" FROM inbound_deliveries""");

    private static async Task<HashSet<string>> MonitoredQueriesAsync(string database, string where) =>
        await StringsAsync(database, """SELECT "Query" FROM monitors""" + where);

    private static async Task<HashSet<string>> StringsAsync(string database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
