using ChatBot.Core.Webhooks;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(40);
        builder.Property(d => d.WorkspaceId).HasMaxLength(64);
        builder.Property(d => d.RunId).HasMaxLength(40);
        builder.Property(d => d.MonitorId).HasMaxLength(40);
        builder.Property(d => d.Url).HasMaxLength(2048);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Attempts).HasJsonConversion();
        builder.Property(d => d.Version).IsConcurrencyToken();
        // One push per run: a retried receipt delivery never queues a second webhook.
        builder.HasIndex(d => d.RunId).IsUnique();
        builder.HasIndex(d => new { d.WorkspaceId, d.CreatedAt });
        builder.HasIndex(d => d.MonitorId);
    }
}
