using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class MonitorConfiguration : IEntityTypeConfiguration<Monitor>
{
    public void Configure(EntityTypeBuilder<Monitor> builder)
    {
        builder.ToTable("monitors");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(48);
        builder.Property(m => m.WorkspaceId).HasMaxLength(64);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Cadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Address).HasJsonConversion();
        builder.Property(m => m.Owner).HasJsonConversion();
        builder.Property(m => m.Metadata).HasJsonConversion();
        builder.Property(m => m.Webhook).HasJsonConversion();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsDeleted);
        builder.HasIndex(m => new { m.WorkspaceId, m.CreatedAt });
        builder.HasIndex(m => m.Status);
        // The trigger outbox reads only the few monitors still waiting (the same SQL on both providers).
        // The due-monitor poller's scan: active monitors by next check.
        builder.HasIndex(m => m.NextCheckAt).HasFilter("\"Status\" = 'Active' AND \"DeletedAt\" IS NULL").HasDatabaseName("IX_monitors_due");
        builder.HasIndex(m => new { m.WorkspaceId, m.ChannelId, m.ThreadId });
    }
}
