using ChatBot.Core.Runs;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(40);
        builder.Property(r => r.WorkspaceId).HasMaxLength(64);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.CorrelationId).HasMaxLength(40);
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.Address).HasJsonConversion();
        builder.Property(r => r.RequestedBy).HasJsonConversion();
        builder.Property(r => r.ToolsUsed).HasJsonConversion();
        builder.Property(r => r.Metadata).HasJsonConversion();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsTerminal);
        builder.HasIndex(r => new { r.WorkspaceId, r.Status });
        builder.HasIndex(r => new { r.Status, r.UpdatedAt });
        builder.HasIndex(r => r.CreatedAt);
    }
}
