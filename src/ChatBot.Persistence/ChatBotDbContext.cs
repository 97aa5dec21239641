using ChatBot.Core.Users;
using ChatBot.Core.Workers;
using ChatBot.Core.Webhooks;
using ChatBot.Core.Approvals;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Persistence.Playground;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence;

/// <summary>
/// App data for both providers. Each provider has its own subclass only so that each keeps its own migrations;
/// the model is defined once, here and in <c>Configurations/</c>.
/// </summary>
public abstract class ChatBotDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The finest time step this store keeps (PostgreSQL: a microsecond).</summary>
    protected virtual TimeSpan TimestampResolution => TimeSpan.FromTicks(10);

    /// <summary>
    /// <paramref name="at"/> as this store will give it back, so what a response shows before the save is what
    /// every later read shows.
    /// </summary>
    public DateTimeOffset AsStored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimestampResolution.Ticks, TimeSpan.Zero);

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<WorkspaceToken> WorkspaceTokens => Set<WorkspaceToken>();
    public DbSet<BotInstallation> BotInstallations => Set<BotInstallation>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Monitor> Monitors => Set<Monitor>();
    public DbSet<MonitorEvent> MonitorEvents => Set<MonitorEvent>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<PlaygroundMessage> PlaygroundMessages => Set<PlaygroundMessage>();
    public DbSet<WorkerNode> WorkerNodes => Set<WorkerNode>();
    public DbSet<KnownUser> KnownUsers => Set<KnownUser>();

    /// <summary>ASP.NET Data Protection keys, shared by every node so one node can read what another protected.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatBotDbContext).Assembly);
}
