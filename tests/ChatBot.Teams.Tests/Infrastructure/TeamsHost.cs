using System.Net;
using ChatBot.Core.Inbound;
using ChatBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Teams.Tests.Infrastructure;

/// <summary>
/// Just the Teams adapter on Kestrel, over a recording inbox, wired to the local token issuer and connector doubles:
/// the wire protocol without the database and jobs (the server tests cover those).
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public const string AppId = "bot-app-id";

    private readonly WebApplication _app;

    private TeamsHost(WebApplication app, BotFrameworkAuthDouble auth, BotConnectorDouble connector, RecordingInbox inbox, RecordingTeamsTenants tenants, HttpClient client)
    {
        _app = app;
        Tenants = tenants;
        Auth = auth;
        Connector = connector;
        Inbox = inbox;
        Client = client;
    }

    public BotFrameworkAuthDouble Auth { get; }
    public BotConnectorDouble Connector { get; }
    public RecordingInbox Inbox { get; }
    /// <summary>Starts with <see cref="TeamsActivities.TenantId"/>, as if its activities had arrived before.</summary>
    public RecordingTeamsTenants Tenants { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public DeliveringOutbox Outbox => _app.Services.GetRequiredService<DeliveringOutbox>();

    public string GoodToken() => Auth.Mint(AppId, Connector.ServiceUrl);

    /// <param name="callerAddress">Makes every request look as if it came from there, as from another machine.</param>
    public static async Task<TeamsHost> StartAsync(bool configured = true, IDictionary<string, string?>? settings = null, IPAddress? callerAddress = null)
    {
        var auth = await BotFrameworkAuthDouble.StartAsync();
        var connector = await BotConnectorDouble.StartAsync();
        var inbox = new RecordingInbox();
        var tenants = new RecordingTeamsTenants();
        await tenants.RecordAsync(TeamsActivities.TenantId, CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ChatBot.Testing.Logging.TestLogFile.AddTo(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (configured)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Teams:AppId"] = AppId,
                ["Teams:AppPassword"] = "bot-secret",
                ["Teams:TenantId"] = TeamsActivities.TenantId,
                ["Teams:OpenIdMetadataUrl"] = auth.MetadataUrl,
                ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
                ["Teams:ConnectorRetryBaseDelay"] = "00:00:00.010",
            });
        }
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IChatInbox>(inbox);
        builder.Services.AddSingleton<ChatBot.Core.Workspaces.ITeamsTenants>(tenants);
        builder.Services.AddChatBotTeams(builder.Configuration);
        builder.Services.AddSingleton<DeliveringOutbox>();
        builder.Services.AddSingleton<ChatBot.Core.Messaging.IChatOutbox>(sp => sp.GetRequiredService<DeliveringOutbox>());
        foreach (var name in new[] { ChatBot.Teams.Connector.BotConnectorClient.HttpClientName, ChatBot.Teams.Connector.MsalHttpClientFactory.HttpClientName })
            builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler);
        var app = builder.Build();
        if (callerAddress is not null)
            app.Use((http, next) =>
            {
                http.Connection.RemoteIpAddress = callerAddress;
                return next(http);
            });
        app.MapChatBotTeams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1")) };
        return new TeamsHost(app, auth, connector, inbox, tenants, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
        await Auth.DisposeAsync();
    }
}
