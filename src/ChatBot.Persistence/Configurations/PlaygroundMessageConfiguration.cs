using ChatBot.Core.Views;
using ChatBot.Persistence.Conversions;
using ChatBot.Persistence.Playground;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class PlaygroundMessageConfiguration : IEntityTypeConfiguration<PlaygroundMessage>
{
    public void Configure(EntityTypeBuilder<PlaygroundMessage> builder)
    {
        builder.ToTable("playground_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.HasIndex(m => m.Id).IsUnique();
        builder.Property(m => m.View).HasJsonConversion<ChatView>();
        builder.HasIndex(m => new { m.ChannelId, m.Sequence });
    }
}
