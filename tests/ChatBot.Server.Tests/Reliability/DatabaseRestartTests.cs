using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using Npgsql;

namespace ChatBot.Server.Tests.Reliability;

/// <summary>
/// PostgreSQL crashes and comes back while messages keep arriving. Every message the server acknowledged is
/// a run that finishes; every one it could not take was refused with a clear 503 (never a 500, never a hang),
/// and the server serves again on its own once the database is back.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task A_database_crash_mid_load_loses_no_acknowledged_message_and_service_comes_back_by_itself()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var directory = Directory.CreateTempSubdirectory("chatbot-pg-restart-");
        try
        {
            await using var server = await ServerProcess.StartAsync(
                ClusterNode.Settings(postgres.ConnectionString(), "restart-node", model, ("Jobs__RecoverySweepInterval", "00:00:02")), directory.FullName);
            using var client = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

            var acknowledged = new ConcurrentBag<string>();
            var refused = new ConcurrentBag<(HttpStatusCode Status, string Code)>();
            using var stop = new CancellationTokenSource();
            var sent = 0;
            async Task SendLoopAsync()
            {
                while (!stop.IsCancellationRequested)
                {
                    var text = $"message {Interlocked.Increment(ref sent)}";
                    var response = await client.PostAsJsonAsync("/api/playground/messages", new { text, channel = "general" });
                    if (response.IsSuccessStatusCode) acknowledged.Add(text);
                    else refused.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!));
                    await Task.Delay(20);
                }
            }
            var senders = Enumerable.Range(0, 3).Select(_ => Task.Run(SendLoopAsync)).ToList();

            await Eventually.HoldsAsync(() => Task.FromResult(acknowledged.Count >= 20));
            await postgres.CrashAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = acknowledged.Count;
            await postgres.StartServerAsync();
            // Back by itself: new messages are acknowledged again without restarting the server.
            await Eventually.HoldsAsync(() => Task.FromResult(acknowledged.Count >= before + 20), TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Task.WhenAll(senders);

            Assert.NotEmpty(refused);
            Assert.All(refused, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "STORAGE_UNAVAILABLE"), r));
            // Every acknowledged message became a run, and every run finished.
            await Eventually.HoldsAsync(async () =>
            {
                var runs = await RunsAsync(postgres.ConnectionString());
                return runs.Count >= acknowledged.Count && runs.All(r => r.Status == "Succeeded");
            }, TimeSpan.FromSeconds(120));
            var requests = (await RunsAsync(postgres.ConnectionString())).Select(r => r.Request).ToHashSet();
            Assert.All(acknowledged, text => Assert.Contains(text, requests));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Straight from the database: what was stored, not what an API chooses to show.</summary>
    private static async Task<List<(string Request, string Status)>> RunsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Request", "Status" FROM runs""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(string, string)>();
        while (await reader.ReadAsync()) runs.Add((reader.GetString(0), reader.GetString(1)));
        return runs;
    }

}
