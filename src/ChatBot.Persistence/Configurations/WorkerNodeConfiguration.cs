using ChatBot.Core.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Persistence.Configurations;

internal sealed class WorkerNodeConfiguration : IEntityTypeConfiguration<WorkerNode>
{
    public void Configure(EntityTypeBuilder<WorkerNode> builder)
    {
        builder.ToTable("worker_nodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(128);
    }
}
