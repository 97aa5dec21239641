using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatBot.Persistence;

// Used only by `dotnet ef migrations add`; the connection string is never opened.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatBotDbContext>
{
    public PostgresChatBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresChatBotDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
