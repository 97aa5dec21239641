using ChatBot.Core.Workspaces;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(64);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Receipts).HasJsonConversion();
        builder.Property(w => w.ApproverIds).HasJsonConversion();
        builder.Property(w => w.WebhookAllowlist).HasJsonConversion();
        builder.Property(w => w.WebhookSecret).HasMaxLength(80);
        builder.Property(w => w.TeamsTenantId).HasMaxLength(64);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}
