using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatBot.Jobs.Tests.Infrastructure;

/// <summary>
/// Stages a lost race: just before the context it is attached to saves for the first time, another context (another
/// request, job or node) reads and saves the same rows. The attached context then saves against stale versions.
/// </summary>
public sealed class CompetingWriter(Func<ChatBotDbContext> open, Func<ChatBotDbContext, Task> write) : SaveChangesInterceptor
{
    public int Saves { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Saves++ == 0)
        {
            await using var other = open();
            await write(other);
            await other.SaveChangesAsync(cancellationToken);
        }
        return result;
    }
}
