using System.Text;
using ChatBot.Agent;
using ChatBot.Agent.Email;
using ChatBot.Agent.Search;
using ChatBot.Jobs;
using ChatBot.Persistence;
using ChatBot.Server.Ops;
using ChatBot.Slack.Configuration;
using ChatBot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Server.Hosting;

/// <summary>
/// Once the server listens, one short console summary for whoever just started it: where the dashboard and
/// playground are, which storage is in use, and what is not configured yet with the one setting that turns it on.
/// </summary>
public sealed class StartupSummaryService(
    IHostApplicationLifetime lifetime,
    IServer server,
    StorageConnection storage,
    IOptions<JobsOptions> jobs,
    IOptions<AgentOptions> agent,
    IOptions<SlackOptions> slack,
    IOptions<TeamsOptions> teams,
    IOptions<SearchOptions> search,
    IOptions<EmailOptions> email,
    IOptions<OpsOptions> ops,
    ILogger<StartupSummaryService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("{Summary}", Describe()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string Describe()
    {
        var baseUrl = BaseUrl();
        var text = new StringBuilder("ChatBot is running (Ctrl+C stops it).\n");
        text.Append($"  Dashboard:  {baseUrl}/\n");
        text.Append($"  Playground: {baseUrl}/playground/\n");
        text.Append($"  Storage:    {Storage()}\n");
        // Replaces Data Protection's "No XML encryptor configured" warning (filtered in appsettings.json) with what it means here.
        text.Append("  Keys:       Data Protection keys are in the database, not encrypted again: protect the database and its backups\n");
        text.Append($"  Ops access: {(ops.Value.HasCredentials ? "HTTP Basic (Ops__Username)" : "this machine only (loopback) until Ops__Username and Ops__Password are set")}\n");
        var missing = Missing().ToList();
        if (missing.Count == 0)
        {
            text.Append("  Everything is configured: model provider, Slack, Teams, search and email.\n");
        }
        else
        {
            text.Append("  Not configured yet:\n");
            foreach (var (part, setting) in missing) text.Append($"    {part,-15} set {setting}\n");
        }
        text.Append("  Every setting: docs/configuration.md");
        return text.ToString();
    }

    private IEnumerable<(string Part, string Setting)> Missing()
    {
        if (IsNone(agent.Value.Provider))
            yield return ("model provider", "Agent__Provider=openai (+ Agent__OpenAI__ApiKey) or anthropic (+ Agent__Anthropic__ApiKey); until then runs fail at once");
        var s = slack.Value;
        if (string.IsNullOrWhiteSpace(s.BotToken) && !s.CanInstall)
            yield return ("Slack", "Slack__BotToken (+ Slack__SigningSecret, or Slack__AppToken for Socket Mode)");
        if (!teams.Value.IsConfigured)
            yield return ("Teams", "Teams__AppId and Teams__AppPassword");
        if (IsNone(search.Value.Provider))
            yield return ("search", "Search__Provider=searxng or brave (topic monitors, the web:search tool)");
        if (string.IsNullOrWhiteSpace(email.Value.SmtpHost))
            yield return ("email", "Email__SmtpHost (the email:send tool)");
    }

    private static bool IsNone(string? provider) => string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a browser on this machine reaches the server; a wildcard address is shown as localhost.</summary>
    private string BaseUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:3978";
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }

    /// <summary>Provider and place, never credentials.</summary>
    private string Storage()
    {
        var clustered = jobs.Value.Clustered ?? storage.IsPostgres;
        var engine = clustered ? "jobs clustered across nodes" : "jobs on this node only";
        if (!storage.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            return $"SQLite, {Path.GetFullPath(file)} ({engine}; Storage__Provider=postgres for several nodes)";
        }
        var postgres = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        return $"PostgreSQL, database {postgres.Database} on {postgres.Host}:{postgres.Port} ({engine})";
    }
}
