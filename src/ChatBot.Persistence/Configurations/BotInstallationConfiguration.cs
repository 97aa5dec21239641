using ChatBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class BotInstallationConfiguration : IEntityTypeConfiguration<BotInstallation>
{
    public void Configure(EntityTypeBuilder<BotInstallation> builder)
    {
        builder.ToTable("bot_installations");
        builder.HasKey(i => new { i.Platform, i.WorkspaceId });
        builder.Property(i => i.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.WorkspaceId).HasMaxLength(64);
        builder.Property(i => i.AppId).HasMaxLength(64);
        builder.Property(i => i.BotUserId).HasMaxLength(64);
        builder.Property(i => i.Scopes).HasMaxLength(2000);
        builder.Property(i => i.InstalledBy).HasMaxLength(64);
    }
}
