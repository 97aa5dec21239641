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
        builder.Ignore(m => m.IsSent);
        builder.HasIndex(m => m.SentAt);
    }
}
