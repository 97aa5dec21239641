using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application;

/// <summary>
/// The one concurrency policy of the application services. A change is decided on the rows as read and saved
/// against their versions. When another writer saved first (a monitor check, another click, another node), the
/// losing change is dropped, the rows are re-read and the change is decided again: re-applied when it still applies
/// (a check that only recorded its run must not beat a person's cancel), otherwise answered with the state the
/// winner left ("already canceled", "already approved by @x"). Callers never see a
/// <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public static class OptimisticWrite
{
    public const int MaxAttempts = 5;

    /// <param name="db">The unit of work the rows are tracked in.</param>
    /// <param name="rows">The tracked rows the decision reads; re-read after a lost race.</param>
    /// <param name="decide">
    /// Looks at the rows as they stand: returns the answer when there is nothing to save, or applies the change
    /// (and may add rows, which are dropped again if the save loses) and returns null.
    /// </param>
    /// <param name="save">Saves the unit of work, with whatever jobs the change starts.</param>
    /// <param name="changed">The answer once the change is saved.</param>
    /// <param name="busy">The answer when every attempt lost to yet another writer.</param>
    public static async Task<Outcome<T>> ApplyAsync<T>(DbContext db, IReadOnlyList<object> rows, Func<Outcome<T>?> decide,
        Func<Task> save, Func<Outcome<T>> changed, Func<Outcome<T>> busy, CancellationToken ct) where T : class
    {
        ExceptionDispatchInfo? unexplained = null;
        for (var attempt = 1; ; attempt++)
        {
            var addedBefore = AddedRows(db);
            if (decide() is { } answer) return answer;
            // A failure that was not a version check (a unique key, say) is a lost race only if the re-read rows
            // now answer for themselves; otherwise it is not ours to hide.
            unexplained?.Throw();
            try
            {
                await save();
                return changed();
            }
            catch (DbUpdateException ex)
            {
                // The losing change must not ride along with the caller's next save (the inbox's delivery record, say).
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !addedBefore.Contains(e.Entity)).ToList())
                    entry.State = EntityState.Detached;
                foreach (var row in rows) await db.Entry(row).ReloadAsync(ct);
                if (attempt == MaxAttempts)
                {
                    if (ex is DbUpdateConcurrencyException) return busy();
                    throw;
                }
                unexplained = ex is DbUpdateConcurrencyException ? null : ExceptionDispatchInfo.Capture(ex);
            }
        }
    }

    private static HashSet<object> AddedRows(DbContext db) =>
        db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
}
