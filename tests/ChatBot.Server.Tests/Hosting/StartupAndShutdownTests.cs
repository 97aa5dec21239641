using ChatBot.Testing.Hosting;

namespace ChatBot.Server.Tests.Hosting;

/// <summary>
/// The first minutes as a newcomer lives them, on the real server process: the console says where to go and what
/// is not configured yet, and Ctrl+C (SIGTERM) stops the server promptly even with a dashboard tab open.
/// </summary>
public sealed class StartupAndShutdownTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatbot-startup-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_console_summary_names_the_urls_the_storage_and_each_missing_part_with_its_setting()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Email__SmtpHost"] = "127.0.0.1" },
            _directory.FullName, environment: "Development");
        var baseUrl = server.BaseUrl.ToString().TrimEnd('/');

        await Eventually.HoldsAsync(() => Task.FromResult(server.Output.Contains("Every setting: docs/configuration.md")), what: "the startup summary");

        var output = server.Output;
        Assert.Contains($"Dashboard:  {baseUrl}/", output);
        Assert.Contains($"Playground: {baseUrl}/playground/", output);
        Assert.Contains($"Storage:    SQLite, {Path.Combine(_directory.FullName, "chatbot.db")}", output);
        Assert.Contains("model provider  set Agent__Provider=openai", output);
        Assert.Contains("Slack           set Slack__BotToken", output);
        Assert.Contains("Teams           set Teams__AppId and Teams__AppPassword", output);
        Assert.Contains("search          set Search__Provider=searxng or brave", output);
        Assert.DoesNotContain("set Email__SmtpHost", output); // configured above
        Assert.Contains("Data Protection keys are in the database", output);
        Assert.DoesNotContain("No XML encryptor configured", output);
    }

    [Fact]
    public async Task Sigterm_with_open_dashboard_and_playground_streams_exits_within_two_seconds()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), _directory.FullName, environment: "Development");
        using var client = new HttpClient { BaseAddress = server.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var dashboard = await OpenStreamAsync(client, "/api/dashboard/events");
        using var playground = await OpenStreamAsync(client, "/api/playground/events");

        server.Terminate();

        // A bound on the wait for the exit, not a measurement: before, Kestrel waited its 30 s shutdown timeout.
        Assert.True(await server.ExitsWithinAsync(TimeSpan.FromSeconds(2)), $"the server was still running 2 s after SIGTERM:\n{server.Output}");
    }

    /// <summary>Opens an event stream and reads its first event, so the server is surely holding it open.</summary>
    private static async Task<StreamReader> OpenStreamAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && !line.StartsWith("event:", StringComparison.Ordinal))
        {
        }
        return reader;
    }
}
