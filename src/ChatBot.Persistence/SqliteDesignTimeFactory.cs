using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatBot.Persistence;

// Used only by `dotnet ef migrations add`; the connection string is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatBotDbContext>
{
    public SqliteChatBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChatBotDbContext>().UseSqlite("Data Source=design.db").Options);
}
