using System.Data.Common;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatBot.Jobs.Tests.Infrastructure;

/// <summary>
/// Stages a lost race for a use case that writes with a conditional statement rather than a versioned save: once the
/// context's first query has been read, another context (another request or node) makes its change and saves.
/// </summary>
public sealed class ReadThenCompete(Func<ChatBotDbContext> open, Action<ChatBotDbContext> write) : DbCommandInterceptor
{
    private int _reads;

    // After the reader is gone, so SQLite holds no lock of the reading connection while the other one writes.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_reads++ == 0)
        {
            using var other = open();
            write(other);
            other.SaveChanges();
        }
        return result;
    }
}
