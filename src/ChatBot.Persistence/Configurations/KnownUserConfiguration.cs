using ChatBot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class KnownUserConfiguration : IEntityTypeConfiguration<KnownUser>
{
    public void Configure(EntityTypeBuilder<KnownUser> builder)
    {
        builder.ToTable("known_users");
        builder.HasKey(u => new { u.Platform, u.WorkspaceId, u.UserId });
        builder.Property(u => u.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.WorkspaceId).HasMaxLength(64);
        builder.Property(u => u.UserId).HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Ignore(u => u.IsRoleKnown);
    }
}
