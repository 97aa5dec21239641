using ChatBot.Core.Receipts;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.ToTable("receipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(40);
        builder.Property(r => r.RunId).HasMaxLength(40);
        builder.Property(r => r.WorkspaceId).HasMaxLength(64);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Destination).HasJsonConversion();
        // Exactly one receipt per run, enforced by the database rather than by hope.
        builder.HasIndex(r => r.RunId).IsUnique();
        builder.HasIndex(r => new { r.WorkspaceId, r.CreatedAt });
    }
}
