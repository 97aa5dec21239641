using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("outbound_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.Property(m => m.To).HasJsonConversion();
        builder.Property(m => m.DirectTo).HasJsonConversion();
        builder.Property(m => m.View).HasJsonConversion<ChatView>();
        builder.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Relation).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.SubjectId).HasMaxLength(40);
        builder.Property(m => m.DependsOnId).HasMaxLength(40);
        builder.Property(m => m.AttemptJobId).HasMaxLength(64);
        // Claiming an attempt bumps it, so two jobs for one row cannot both post.
        builder.Property(m => m.Attempts).IsConcurrencyToken();
        builder.Ignore(m => m.IsSent);
        builder.Ignore(m => m.IsFinished);
        builder.Ignore(m => m.IsOutcomeUnknown);
        builder.HasIndex(m => m.SentAt);
        builder.HasIndex(m => m.DependsOnId);
        builder.HasIndex(m => new { m.Purpose, m.SubjectId });
    }
}
