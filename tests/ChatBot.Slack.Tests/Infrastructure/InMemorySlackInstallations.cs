using System.Collections.Concurrent;
using ChatBot.Slack.Install;

namespace ChatBot.Slack.Tests.Infrastructure;

/// <summary>The host's installation store, as the adapter sees it, kept in memory for adapter-only tests.</summary>
public sealed class InMemorySlackInstallations : ISlackInstallationStore
{
    public ConcurrentDictionary<string, SlackInstallation> Installed { get; } = new();

    public Task<string?> FindBotTokenAsync(string teamId, CancellationToken ct) =>
        Task.FromResult(Installed.TryGetValue(teamId, out var found) ? found.BotToken : null);

    public Task SaveAsync(SlackInstallation installation, CancellationToken ct)
    {
        Installed[installation.TeamId] = installation;
        return Task.CompletedTask;
    }

    public ConcurrentDictionary<string, string> ConfiguredTokenTeams { get; } = new();

    public Task RecordConfiguredTokenTeamAsync(string teamId, string teamName, CancellationToken ct)
    {
        ConfiguredTokenTeams[teamId] = teamName;
        return Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, bool> _usedStates = new();

    public Task<bool> TryConsumeStateAsync(string nonce, CancellationToken ct) => Task.FromResult(_usedStates.TryAdd(nonce, true));

    public Task RemoveAsync(string teamId, CancellationToken ct)
    {
        Installed.TryRemove(teamId, out _);
        return Task.CompletedTask;
    }
}
