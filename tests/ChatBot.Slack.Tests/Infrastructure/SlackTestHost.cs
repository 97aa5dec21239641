using System.Net;
using ChatBot.Core.Inbound;
using ChatBot.Slack.Install;
using ChatBot.Testing.Logging;
using ChatBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Infrastructure;

/// <summary>
/// Only the Slack adapter on real Kestrel (so after-response follow-ups run as in production), with the inbox
/// replaced by a recorder and the Web API pointed at the Slack double.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, HttpClient client, SlackApiDouble slack, RecordingLoggerProvider logs, RecordingInbox inbox, InMemorySlackInstallations installations)
    {
        _app = app;
        Inbox = inbox;
        Installations = installations;
        Client = client;
        Slack = slack;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public SlackApiDouble Slack { get; }

    public RecordingInbox Inbox { get; }

    public InMemorySlackInstallations Installations { get; }

    public SlackRequestSigner Signer { get; } = new(SigningSecret);

    public IServiceProvider Services => _app.Services;

    /// <summary>Every log entry the adapter wrote.</summary>
    public RecordingLoggerProvider Logs { get; }

    /// <param name="settings">More "Slack:…" settings, e.g. an app token for Socket Mode.</param>
    public static async Task<SlackTestHost> StartAsync(SlackApiDouble slack, bool configured = true, TimeProvider? time = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs);
        TestLogFile.AddTo(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (configured)
        {
            builder.Configuration["Slack:SigningSecret"] = SigningSecret;
            builder.Configuration["Slack:BotToken"] = SlackApiDouble.BotToken;
        }
        builder.Configuration["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddChatBotSlack(builder.Configuration);
        // Created before the host starts: the Socket Mode service resolves the client (and its token source) at start.
        var inbox = new RecordingInbox();
        var installations = new InMemorySlackInstallations();
        builder.Services.AddSingleton<IChatInbox>(inbox);
        builder.Services.AddSingleton<ISlackInstallationStore>(installations);
        var app = builder.Build();
        app.MapChatBotSlack();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new SlackTestHost(app, new HttpClient { BaseAddress = new Uri(address) }, slack, logs, inbox, installations);
        return host;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
