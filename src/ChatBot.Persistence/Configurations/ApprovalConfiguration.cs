using ChatBot.Core.Approvals;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.ToTable("approvals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(40);
        builder.Property(a => a.RunId).HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RequestedBy).HasJsonConversion();
        builder.Property(a => a.DecidedBy).HasJsonConversion();
        builder.Property(a => a.RequestAddress).HasJsonConversion();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.RunId);
        builder.HasIndex(a => new { a.Status, a.ExpiresAt });
    }
}
