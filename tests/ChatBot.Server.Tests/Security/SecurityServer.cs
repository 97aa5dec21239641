using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatBot.Testing.Hosting;

namespace ChatBot.Server.Tests.Security;

/// <summary>The security test classes start one process each, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityProcesses
{
    public const string Name = "security processes";
}

/// <summary>One real server process (embedded default storage) shared by a test class, with or without ops credentials.</summary>
public abstract class SecurityServer(bool withOpsCredentials) : IAsyncLifetime
{
    public const string OpsUsername = "ops";
    public const string OpsPassword = "security-test-ops-password";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatbot-security-");

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>();
        if (withOpsCredentials)
        {
            settings["Ops__Username"] = OpsUsername;
            settings["Ops__Password"] = OpsPassword;
        }
        // Development serves the pages from the build's static web assets, as the README's run command does.
        Server = await ServerProcess.StartAsync(settings, _directory.FullName, environment: "Development",
            startTimeout: TimeSpan.FromMinutes(3), listenOnAllInterfaces: true);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    public HttpClient Client() => new() { BaseAddress = Server.BaseUrl };

    /// <summary>A workspace token from the ops bootstrap endpoint, as an operator gets one.</summary>
    public async Task<string> IssueTokenAsync(string workspace, params string[] scopes)
    {
        using var ops = Client();
        ops.DefaultRequestHeaders.Authorization = Basic(OpsUsername, OpsPassword);
        var issued = await ops.PostAsJsonAsync($"/api/ops/workspaces/{workspace}/tokens", new { name = "security", scopes });
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}

public sealed class OpenServer() : SecurityServer(withOpsCredentials: false);

public sealed class GuardedServer() : SecurityServer(withOpsCredentials: true);

/// <summary>Its own process: the failed-authentication throttle it trips would block the other tests' address.</summary>
public sealed class ThrottledServer() : SecurityServer(withOpsCredentials: true);
