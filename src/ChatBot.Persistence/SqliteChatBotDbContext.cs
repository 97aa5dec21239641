using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatBot.Persistence;

public sealed class SqliteChatBotDbContext(DbContextOptions<SqliteChatBotDbContext> options) : ChatBotDbContext(options)
{
    /// <summary><see cref="DateTimeOffsetToBinaryConverter"/> keeps ticks / 1000: a tenth of a millisecond.</summary>
    protected override TimeSpan TimestampResolution => TimeSpan.FromTicks(1000);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type; as ticks it sorts and compares correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
