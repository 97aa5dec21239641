using System.Data.Common;

namespace ChatBot.Server.Errors;

/// <summary>
/// Recognises "the database is unreachable right now" (down, restarting, connections dropped) anywhere in an
/// exception chain, whether EF Core, Npgsql/SQLite or the job store raised it. Callers get a 503 and
/// a retry hint instead of a 500: nothing is wrong with their request, and nothing was acknowledged.
/// </summary>
public static class StorageOutage
{
    public static bool IsCause(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or Hangfire.Storage.DistributedLockTimeoutException) return true;
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause)) return true;
        }
        return false;
    }
}
