using System.Net;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Teams;
using Microsoft.Data.Sqlite;

namespace ChatBot.Server.Tests.Teams;

/// <summary>
/// A real server process (Teams local mode, the embedded SQLite default) whose Bot Connector fails the bot's replies
/// with 500 after a command's work is committed: the activity is still answered 202, the monitor stands once, and the
/// reply waits in the outbox and lands once when the connector recovers. The process trusts the connector double's
/// certificate through <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class TeamsReplyFailureTests
{
    private const string Command = "<at>ChatBot</at> monitor https://example.com/changelog";
    private const string Confirmation = "Monitoring https://example.com/changelog";

    [Fact]
    public async Task A_reply_that_fails_after_the_work_is_saved_is_retried_from_the_outbox_and_lands_once()
    {
        await using var connector = await BotConnectorDouble.StartAsync();
        var directory = Directory.CreateTempSubdirectory("chatbot-teams-reply-");
        var file = Path.Combine(directory.FullName, "chatbot.db");
        try
        {
            var trusted = Path.Combine(directory.FullName, "connector.pem");
            await File.WriteAllTextAsync(trusted, connector.CertificatePem);
            await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage__Provider"] = "sqlite",
                ["ConnectionStrings__ChatBot"] = $"Data Source={file}",
                ["SSL_CERT_FILE"] = trusted,
            }, directory.FullName, startTimeout: TimeSpan.FromMinutes(5));
            using var client = new HttpClient { BaseAddress = server.BaseUrl };
            connector.RepliesFail = true;

            var answer = await TeamsActivities.PostAsync(client, TeamsActivities.Message(connector.ServiceUrl, Command, id: "1700000000500"), bearer: null);

            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            await Eventually.HoldsAsync(() => Task.FromResult(Confirmations(connector.Requests).Count >= 2),
                TimeSpan.FromMinutes(2), "the confirmation refused twice (a first attempt and a retry from the outbox)");
            Assert.Equal(1, await CountAsync(file, "SELECT count(*) FROM monitors"));
            Assert.Empty(Confirmations(connector.Landed));

            connector.RepliesFail = false;
            await Eventually.HoldsAsync(() => Task.FromResult(Confirmations(connector.Landed).Count > 0),
                TimeSpan.FromMinutes(3), "the confirmation landed once the connector recovered");
            // Every outbox row settled (the monitor's own posts too): no attempt still in flight could post it again.
            await Eventually.HoldsAsync(async () => await CountAsync(file, """SELECT count(*) FROM outbound_messages WHERE "SentAt" IS NULL AND "FailedAt" IS NULL""") == 0,
                TimeSpan.FromMinutes(3), "every outbox row sent or given up");

            var landed = Assert.Single(Confirmations(connector.Landed));
            Assert.Equal("1700000000500", landed.ActivityId);
            Assert.Equal(1, await CountAsync(file, "SELECT count(*) FROM monitors"));
            Assert.Equal(1, await CountAsync(file, "SELECT count(*) FROM inbound_deliveries"));
            Assert.DoesNotContain("Unhandled exception", server.Output);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static List<ConnectorRequest> Confirmations(IEnumerable<ConnectorRequest> requests) =>
        requests.Where(r => r.Kind == "reply" && r.Body["text"]?.GetValue<string>().StartsWith(Confirmation, StringComparison.Ordinal) == true).ToList();

    private static async Task<long> CountAsync(string file, string sql)
    {
        // Read-only and unpooled: the test only looks, and leaves no handle on the server's file.
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
