using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;

namespace ChatBot.Server.Tests.Hosting;

/// <summary>
/// The README's promise: the server starts with no configuration on one SQLite file and answers /health, and its
/// receipts link to where it really listens.
/// </summary>
public sealed class EmbeddedDefaultStartTests
{
    [Fact]
    public async Task The_server_process_starts_with_no_configuration_and_is_healthy()
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-default-");
        try
        {
            await using (var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), directory.FullName, environment: "Development"))
            {
                using var client = new HttpClient { BaseAddress = server.BaseUrl };
                var health = await client.GetFromJsonAsync<JsonElement>("/health");

                Assert.Equal("healthy", health.GetProperty("status").GetString());
                Assert.True(health.GetProperty("uptime").GetDouble() >= 0);
                Assert.True(File.Exists(Path.Combine(directory.FullName, "chatbot.db")), "the embedded default stores everything in chatbot.db");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_public_url_receipt_links_point_at_the_address_the_server_listens_on()
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-links-");
        try
        {
            await using (var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Receipts__PublicBaseUrl"] = "" },
                directory.FullName, environment: "Development", startTimeout: TimeSpan.FromMinutes(3)))
            {
                using var client = new HttpClient { BaseAddress = server.BaseUrl };
                // No model is configured, so the run fails at once and posts a failure receipt with its link.
                var posted = await client.PostAsJsonAsync("/api/playground/messages", new { text = "summarize the changelog", channel = "links" });
                posted.EnsureSuccessStatusCode();

                string? link = null;
                await Eventually.HoldsAsync(async () =>
                {
                    var page = await client.GetFromJsonAsync<JsonElement>("/api/playground/messages?channel=links");
                    link = page.GetProperty("messages").EnumerateArray()
                        .Select(m => m.GetProperty("view"))
                        .Where(v => v.GetProperty("view").GetString() == "receipt")
                        .SelectMany(v => v.GetProperty("details").EnumerateArray())
                        .Select(d => d.TryGetProperty("url", out var url) ? url.GetString() : null)
                        .FirstOrDefault(u => u?.Contains("/runs/") == true);
                    return link is not null;
                }, what: "a receipt with a view details link");

                Assert.StartsWith($"http://127.0.0.1:{server.BaseUrl.Port}/runs/run_", link);
                Assert.Contains("Receipt links use http://127.0.0.1:", server.Output);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
