using ChatBot.Core.Approvals;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Approvals;
using ChatBot.Jobs.Inbox;
using ChatBot.Jobs.Inbox.Handlers;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Users;
using ChatBot.Jobs.Webhooks;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Hangfire;

namespace ChatBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job engine (Hangfire: on PostgreSQL in the app's own database, shared by every node; on SQLite in a file
    /// next to the app's), the inbox with its handlers, and the receipt machinery. Persistence must be added first.
    /// </summary>
    public static IServiceCollection AddChatBotJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.Configure<ReceiptOptions>(configuration.GetSection(ReceiptOptions.Section));
        var storage = StorageConnection.From(configuration);

        services.TryAddTimeProvider();
        services.AddSingleton(sp => new ReceiptFormatter(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value));
        services.AddSingleton(sp => new ApprovalViewFormatter(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value));
        services.AddSingleton<ReceiptWriter>();
        services.AddScoped<ReceiptHandOver>();
        services.AddSingleton<RunWebhooks>();
        services.AddSingleton<Monitors.MonitorWebhooks>();
        // Webhook URLs are users' input: the same connect-time address rule as fetches, and redirects not followed
        // (a 3xx is a failed attempt), so a receiver cannot bounce the post to an internal address.
        services.AddHttpClient(WebhookDeliveryJob.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<ChatBot.Agent.Egress.GuardedConnector>().CreateHandler());
        services.AddSingleton<WorkScheduler>();
        services.AddScoped<IMessengerResolver, MessengerResolver>();
        services.AddSingleton<GoneDestinations>();
        services.AddSingleton<DeliveredMessageRecords>();
        services.AddScoped<UserDirectoryResolver>();
        services.AddScoped<KnownUserSightings>();
        services.AddSingleton<KnownUserCheckTimes>();
        services.AddScoped<KnownUserRefreshJob>();
        services.AddScoped<IChatOutbox, ChatOutbox>();
        services.AddSingleton<WorkspaceDirectory>();
        services.AddSingleton<ITeamsTenants, TeamsTenants>();
        services.AddSingleton<SpendGuard>();
        services.AddSingleton<RunEstimator>();

        // The application layer: one service per use case, for every adapter.
        services.AddScoped<Application.Monitors.MonitorLifecycle>();
        services.AddScoped<Application.Monitors.MonitorCreation>();
        services.AddScoped<Application.Approvals.ApprovalDecisions>();
        services.AddScoped<Application.Runs.RunControl>();
        services.AddScoped<Application.Tokens.TokenIssuing>();

        services.AddScoped<IChatInbox, ChatInbox>();
        services.AddSingleton<Inbox.GroupCommit.GroupCommitWriter>();
        services.AddKeyedScoped<ICommandHandler, AgentTaskHandler>(typeof(AgentTaskCommand));
        services.AddKeyedScoped<ICommandHandler, CreateMonitorHandler>(typeof(CreateMonitorCommand));
        services.AddKeyedScoped<ICommandHandler, ListMonitorsHandler>(typeof(ListMonitorsCommand));
        services.AddKeyedScoped<ICommandHandler, CancelMonitorHandler>(typeof(CancelMonitorCommand));
        services.AddKeyedScoped<ICommandHandler, HelpHandler>(typeof(HelpCommand));
        services.AddKeyedScoped<ICommandHandler, ReceiptsHandler>(typeof(ReceiptsCommand));
        services.AddKeyedScoped<IActionHandler, ApprovalActionHandler>(ActionIds.Approve);
        services.AddKeyedScoped<IActionHandler, ApprovalActionHandler>(ActionIds.Deny);
        services.AddKeyedScoped<IActionHandler, MonitorActionHandler>(ActionIds.PauseMonitor);
        services.AddKeyedScoped<IActionHandler, MonitorActionHandler>(ActionIds.ResumeMonitor);
        services.AddKeyedScoped<IActionHandler, MonitorActionHandler>(ActionIds.CancelMonitor);

        services.AddSingleton(storage);
        services.AddSingleton<Scheduling.Queue.JobQueueDoorbell>();
        services.AddSingleton<JobEngine>();
        if (storage.IsPostgres)
            services.AddHostedService(sp => new Scheduling.Queue.JobQueueListener(storage.ConnectionString,
                sp.GetRequiredService<Scheduling.Queue.JobQueueDoorbell>(), sp.GetRequiredService<ILogger<Scheduling.Queue.JobQueueListener>>()));
        services.AddSingleton(sp => sp.GetRequiredService<JobEngine>().Storage);
        services.AddSingleton<JobFilters>();
        // Hangfire's dashboard asks for its configuration object and routes; storage and filters are this app's own, not the global ones.
        services.AddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
        services.AddSingleton(Hangfire.Dashboard.DashboardRoutes.Routes);
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<JobFilters>()));
        services.AddSingleton<WorkspaceRunSlots>();
        services.AddSingleton<RunsInFlight>();
        services.AddScoped<AgentRunJob>();
        services.AddScoped<ReceiptDeliveryJob>();
        services.AddScoped<MessageDeliveryJob>();
        services.AddScoped<ApprovalExpiryJob>();
        services.AddScoped<MonitorCheckJob>();
        services.AddScoped<WebhookDeliveryJob>();
        services.AddSingleton<JobServerHost>();
        services.AddHostedService(sp => sp.GetRequiredService<JobServerHost>());
        services.AddHostedService<MonitorDuePoller>();
        services.AddHostedService<RecoverySweep>();
        services.AddHostedService<Workers.WorkerHeartbeatService>();
        services.AddMetrics();
        services.AddSingleton<Observability.OpsStatisticsCache>();
        services.AddSingleton<Observability.ChatBotMetrics>();
        services.AddScoped<Observability.OpsStatisticsReader>();
        services.AddHostedService<Observability.OpsStatisticsRefresher>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
