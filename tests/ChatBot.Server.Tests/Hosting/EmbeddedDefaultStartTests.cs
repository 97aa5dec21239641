using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;

namespace ChatBot.Server.Tests.Hosting;

/// <summary>The README's promise: the server starts with no configuration on one SQLite file and answers /health.</summary>
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
}
