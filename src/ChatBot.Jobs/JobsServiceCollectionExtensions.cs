using ChatBot.Core.Approvals;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Jobs.Approvals;
using ChatBot.Jobs.Inbox;
using ChatBot.Jobs.Inbox.Handlers;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Webhooks;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job engine (Quartz on the app's own database: clustered on PostgreSQL, single-node on SQLite), the
    /// inbox with its handlers, and the receipt machinery. Persistence must be added first.
    /// </summary>
    public static IServiceCollection AddChatBotJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.Configure<ReceiptOptions>(configuration.GetSection(ReceiptOptions.Section));
        var storage = StorageConnection.From(configuration);
        var clustered = options.Clustered ?? storage.IsPostgres;

        services.TryAddTimeProvider();
        services.AddSingleton(sp => new ReceiptFormatter(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value));
        services.AddSingleton(sp => new ApprovalViewFormatter(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value));
        services.AddSingleton<ReceiptWriter>();
        services.AddSingleton<RunWebhooks>();
        services.AddSingleton<Monitors.MonitorWebhooks>();
        services.AddHttpClient(WebhookDeliveryJob.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<TriggerBatcher>();
        services.AddSingleton<WorkScheduler>();
        services.AddScoped<IMessengerResolver, MessengerResolver>();
        services.AddScoped<UserDirectoryResolver>();
        services.AddSingleton<WorkspaceDirectory>();
        services.AddSingleton<SpendGuard>();
        services.AddSingleton<RunEstimator>();

        services.AddScoped<IChatInbox, ChatInbox>();
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

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "ChatBot";
                // Clustered nodes need distinct ids; a configured name wins, otherwise one is generated.
                if (!string.IsNullOrEmpty(options.InstanceName)) s.InstanceId = options.InstanceName;
                else if (clustered) s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (storage.IsPostgres) store.UsePostgres(storage.ConnectionString);
                else store.UseSqlite(storage.ConnectionString);
                if (clustered) store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                store.ProvisionSchema();
            });
            // Per-workspace cap counted across every node sharing the store.
            q.UseExecutionLimits(limits => limits.ForGroupsWithPrefix("ws:", options.MaxConcurrentRunsPerWorkspace, ExecutionLimitScope.Cluster));

            q.AddJobListener(sp => new Observability.PickupLatencyListener(sp.GetRequiredService<Observability.ChatBotMetrics>()), [GroupMatcher<JobKey>.AnyGroup()]);
            q.AddJob<AgentRunJob>(j => j.WithIdentity(JobKeys.AgentRun).StoreDurably().RequestRecovery());
            q.AddJob<ReceiptDeliveryJob>(j => j.WithIdentity(JobKeys.ReceiptDelivery).StoreDurably().RequestRecovery());
            q.AddJob<MessageDeliveryJob>(j => j.WithIdentity(JobKeys.MessageDelivery).StoreDurably().RequestRecovery());
            q.AddJob<ApprovalExpiryJob>(j => j.WithIdentity(JobKeys.ApprovalExpiry).StoreDurably().RequestRecovery());
            q.AddJob<MonitorCheckJob>(j => j.WithIdentity(JobKeys.MonitorCheck).StoreDurably());
            q.AddJob<WebhookDeliveryJob>(j => j.WithIdentity(JobKeys.WebhookDelivery).StoreDurably().RequestRecovery());
            q.AddJob<RunRecoveryJob>(j => j.WithIdentity(JobKeys.RunRecovery).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("run-recovery-sweep", "chatbot").ForJob(JobKeys.RunRecovery)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.RecoverySweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<Workers.WorkerHeartbeatService>();
        services.AddSingleton<Monitors.MonitorTriggerOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<Monitors.MonitorTriggerOutbox>());
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
