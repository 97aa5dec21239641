using ChatBot.Core.Workspaces;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class WorkspaceTokenConfiguration : IEntityTypeConfiguration<WorkspaceToken>
{
    public void Configure(EntityTypeBuilder<WorkspaceToken> builder)
    {
        builder.ToTable("workspace_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(40);
        builder.Property(t => t.WorkspaceId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasJsonConversion();
        builder.Ignore(t => t.IsActive);
        builder.HasIndex(t => t.WorkspaceId);
    }
}
