using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using Microsoft.Data.Sqlite;

namespace ChatBot.Server.Tests.Reliability;

/// <summary>
/// The embedded default (SQLite: <c>chatbot.db</c>, and Hangfire's store in <c>chatbot.jobs.db</c>) killed with
/// SIGKILL right after acknowledging a burst of commands, then started again on the same files: every acknowledged
/// command is carried out exactly once. Its job commits apart from its rows, so a kill between the two leaves work
/// that only the recovery sweep finds; jobs the dead process had fetched come back to the restarted one.
/// </summary>
public sealed class SqliteKillTests
{
    private const int Commands = 30;

    [Fact]
    public async Task Killed_right_after_its_acks_the_sqlite_server_carries_out_every_acknowledged_command_once_after_a_restart()
    {
        await using var model = await ModelDouble.StartAsync();
        // Slow enough that most runs are queued or mid model call when the process dies.
        model.Delay = TimeSpan.FromMilliseconds(300);
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var directory = Directory.CreateTempSubdirectory("chatbot-sqlite-kill-");
        var file = Path.Combine(directory.FullName, "chatbot.db");
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite",
            ["ConnectionStrings__ChatBot"] = $"Data Source={file}",
            ["Agent__Provider"] = "openai",
            ["Agent__Model"] = "double-model",
            ["Agent__OpenAI__Endpoint"] = model.OpenAIEndpoint,
            ["Jobs__RecoverySweepInterval"] = "00:00:02",
            ["Jobs__RecoveryGrace"] = "00:00:02",
        };
        try
        {
            var acknowledged = new List<string>();
            await using (var first = await ServerProcess.StartAsync(settings, directory.FullName))
            {
                using var client = new HttpClient { BaseAddress = first.BaseUrl };
                var next = 0;
                await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
                {
                    for (var i = Interlocked.Increment(ref next); i <= Commands; i = Interlocked.Increment(ref next))
                    {
                        var text = $"summarize report {i}";
                        (await client.PostAsJsonAsync("/api/playground/messages", new { text, channel = "general" })).EnsureSuccessStatusCode();
                        lock (acknowledged) acknowledged.Add(text);
                    }
                })));
                first.Kill();
            }
            Assert.Equal(Commands, acknowledged.Count);

            await using var second = await ServerProcess.StartAsync(settings, directory.FullName);
            using var restarted = new HttpClient { BaseAddress = second.BaseUrl };
            await Eventually.HoldsAsync(async () => (await RunsAsync(file)).Count(r => r.Status == "Succeeded") == Commands,
                TimeSpan.FromMinutes(3), "every acknowledged command's run succeeded");
            await Eventually.HoldsAsync(async () => await CountAsync(file, """SELECT count(*) FROM receipts WHERE "Status" = 'Delivered'""") == Commands,
                TimeSpan.FromMinutes(2), "every receipt delivered");

            var runs = await RunsAsync(file);
            Assert.Equal(acknowledged.Order(), runs.Select(r => r.Request).Order());
            Assert.Equal(Commands, await CountAsync(file, "SELECT count(*) FROM receipts"));
            Assert.Equal(Commands, await CountAsync(file, """SELECT count(DISTINCT "RunId") FROM receipts"""));
            var posted = await PostedReceiptsAsync(restarted);
            foreach (var run in runs) Assert.Single(posted, receipt => receipt.Contains(run.Id, StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private sealed record RunRow(string Id, string Request, string Status);

    private static async Task<List<RunRow>> RunsAsync(string file)
    {
        await using var connection = await OpenAsync(file);
        await using var command = new SqliteCommand("""SELECT "Id", "Request", "Status" FROM runs""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<RunRow>();
        while (await reader.ReadAsync()) runs.Add(new RunRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return runs;
    }

    private static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        // Read-only and unpooled: the test only looks, and leaves no handle on the server's file.
        var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The receipts the bot posted in the playground channel, as their raw JSON.</summary>
    private static async Task<List<string>> PostedReceiptsAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/playground/messages?channel=general");
        return body.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("view").GetProperty("view").GetString() == "receipt")
            .Select(m => m.GetRawText())
            .ToList();
    }
}
