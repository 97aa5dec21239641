using ChatBot.Agent;
using ChatBot.Jobs;
using ChatBot.Server.Observability;
using ChatBot.Slack.Api;
using ChatBot.Jobs.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ChatBot.Persistence;
using ChatBot.Server.Errors;
using ChatBot.Core.Messaging;
using ChatBot.Server.Health;
using ChatBot.Server.Docs;
using ChatBot.Server.Installations;
using ChatBot.Server.Legal;
using ChatBot.Server.Api.Admin;
using ChatBot.Server.Api.Monitors;
using ChatBot.Server.Api.Receipts;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Api.Trigger;
using ChatBot.Server.Auth;
using ChatBot.Server.Ops;
using ChatBot.Server.Playground;
using ChatBot.Server.Security;
using ChatBot.Slack;
using ChatBot.Teams;
using Microsoft.AspNetCore.DataProtection;

namespace ChatBot.Server.Hosting;

/// <summary>The composition root: what Program.cs calls. Everything is wired here and nowhere else.</summary>
public static class ChatBotHostExtensions
{
    public static WebApplicationBuilder AddChatBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessUptime>();
        services.AddProblemDetails();
        services.AddChatBotPersistence(configuration);
        // Before the job engine: hosted services start in registration order.
        services.AddHostedService<DatabaseMigrationService>();
        services.AddHostedService<ListeningAddressDefault>();
        services.AddChatBotAgent(configuration);
        services.AddChatBotJobs(configuration);

        services.AddOptions<OpsOptions>().Bind(configuration.GetSection(OpsOptions.Section));
        services.AddOptions<LegalOptions>().Bind(configuration.GetSection(LegalOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PrivacyFile) || File.Exists(o.PrivacyFile), "Legal__PrivacyFile names a file that does not exist")
            .Validate(o => string.IsNullOrWhiteSpace(o.TermsFile) || File.Exists(o.TermsFile), "Legal__TermsFile names a file that does not exist")
            .ValidateOnStart();
        services.AddSingleton<CrossSiteRequestGuard>();
        services.AddSingleton<EventStreamSlots>();
        services.AddChatBotAuth();
        services.AddSingleton<JobTokens>();
        services.AddScoped<RunTriggers>();
        // Keys in the shared database, so every node accepts every node's job tokens and OAuth states.
        services.AddDataProtection().SetApplicationName("ChatBot").PersistKeysToDbContext<ChatBotDbContext>();
        services.AddOpenApi();
        services.AddHttpClient(SlackWebApiClient.HttpClientName)
            .AddHttpMessageHandler(sp => new PlatformCallMetricsHandler(sp.GetRequiredService<ChatBotMetrics>(), "slack"));
        services.AddHttpClient(ChatBot.Teams.Connector.BotConnectorClient.HttpClientName)
            .AddHttpMessageHandler(sp => new PlatformCallMetricsHandler(sp.GetRequiredService<ChatBotMetrics>(), "teams"));
        // Webhook URLs are credentials: their log lines show the origin only (the Slack adapter does the same for response_urls).
        services.AddHttpClient(ChatBot.Jobs.Webhooks.WebhookDeliveryJob.HttpClientName).RemoveAllLoggers().AddLogger(sp =>
            new RedactedUrlHttpLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient." + ChatBot.Jobs.Webhooks.WebhookDeliveryJob.HttpClientName)));
        // A meter provider listens process-wide by meter name. It keeps to this host's meter, so a second host in the
        // same process (tests, an embedding app) never mixes its counts into this host's scrape.
        ChatBotMetrics? ownMetrics = null;
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("chatbot")).WithMetrics(metrics => metrics
            .AddMeter(ChatBotMetrics.MeterName)
            .AddInstrumentation(sp => ownMetrics = sp.GetRequiredService<ChatBotMetrics>())
            .AddView(instrument => ReferenceEquals(instrument.Meter, ownMetrics?.Meter) ? null : MetricStreamConfiguration.Drop)
            .AddPrometheusExporter());

        services.AddSingleton<PlaygroundChangeFeed>();
        services.AddSingleton<PlaygroundMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<PlaygroundMessenger>());
        services.AddChatBotSlack(configuration);
        services.AddSingleton<ChatBot.Slack.Install.ISlackInstallationStore, SlackInstallationStore>();
        services.AddChatBotTeams(configuration);
        services.AddHostedService<StartupSummaryService>();
        return builder;
    }

    public static WebApplication UseChatBot(this WebApplication app)
    {
        app.Services.GetRequiredService<ProcessUptime>();
        app.UseKnownProxies();
        app.UseApiErrors();
        app.UseRequestBodyLimits();
        app.UseNulCharacterGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOpsRuleFor(http => http.Request.Path.StartsWithSegments("/playground", StringComparison.OrdinalIgnoreCase));
        app.UseDashboardPageAuth();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapLegalPages();
        app.MapConfigurationDocs();
        app.MapPlayground();
        app.MapChatBotSlack();
        app.MapChatBotTeams();
        app.MapTrigger();
        app.MapWebhookTrigger();
        app.MapRunStatus();
        app.MapReceiptAudit();
        app.MapAdminApi();
        app.MapWebhookDeliveries();
        app.MapMonitorApi();
        app.MapGroup("/api/ops").RequireAuthorization(AuthPolicies.Ops).AddEndpointFilter<CrossSiteRequestGuard>().MapOpsTokens().MapOpsActions();
        app.MapGroup("/api").RequireAuthorization(AuthPolicies.Ops).MapOpsDashboard().MapDashboardEvents().MapWorkerDrain();
        app.MapRunPage();
        app.UseJobDashboard();
        // No auth, like /health: scrapers rarely carry credentials, and nothing here is secret.
        app.MapPrometheusScrapingEndpoint("/prometheus");
        app.MapOpenApi();
        ExposureWarning.LogOnStart(app);
        return app;
    }
}
