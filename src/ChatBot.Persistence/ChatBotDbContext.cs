using ChatBot.Core.Approvals;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence;

/// <summary>
/// App data for both providers. Each provider has its own subclass only so that each keeps its own migrations;
/// the model is defined once, here and in <c>Configurations/</c>.
/// </summary>
public abstract class ChatBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Monitor> Monitors => Set<Monitor>();
    public DbSet<MonitorEvent> MonitorEvents => Set<MonitorEvent>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatBotDbContext).Assembly);
}
