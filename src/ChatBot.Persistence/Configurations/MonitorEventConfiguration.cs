using ChatBot.Core.Monitors;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class MonitorEventConfiguration : IEntityTypeConfiguration<MonitorEvent>
{
    public void Configure(EntityTypeBuilder<MonitorEvent> builder)
    {
        builder.ToTable("monitor_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(40);
        builder.Property(e => e.MonitorId).HasMaxLength(48);
        builder.Property(e => e.EventGroupId).HasMaxLength(64);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SourceUrls).HasJsonConversion();
        builder.HasIndex(e => new { e.MonitorId, e.CreatedAt });
        builder.HasIndex(e => e.EventGroupId);
    }
}
