using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Inbox.GroupCommit;
using ChatBot.Jobs.Tests.Infrastructure;
using ChatBot.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Inbox;

/// <summary>
/// The group-commit writer on both stores: concurrent commands are all stored, a taken delivery id (in the same
/// batch or already in the table) is refused for that command alone, a channel's second command for a query it
/// already watches gets the first monitor back, and a row the database refuses fails only its own command.
/// </summary>
public sealed class GroupCommitWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Channel = new(ChatPlatform.Slack, "T0GROUP", "C0GROUP");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_commands_are_each_stored_once_and_a_taken_delivery_id_is_refused_for_its_command_only(string provider)
    {
        await using var jobs = await HarnessAsync(provider);
        var writer = jobs.Create<GroupCommitWriter>();
        Assert.Equal(CommandWriteKind.Stored, (await writer.WriteAsync(Rows("d-taken", "https://example.com/taken"), CancellationToken.None)).Kind);

        var writes = Enumerable.Range(0, 40).Select(i => writer.WriteAsync(Rows($"d-{i}", $"https://example.com/p?n={i}"), CancellationToken.None))
            .Append(writer.WriteAsync(Rows("d-taken", "https://example.com/again"), CancellationToken.None))
            .Append(writer.WriteAsync(Rows("d-twice", "https://example.com/twice-1"), CancellationToken.None))
            .Append(writer.WriteAsync(Rows("d-twice", "https://example.com/twice-2"), CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(writes);

        Assert.All(results.Take(40), r => Assert.Equal(CommandWriteKind.Stored, r.Kind));
        Assert.Equal(CommandWriteKind.DuplicateDelivery, results[40].Kind);
        // The first of the two with one id counts, whether they shared a batch or not.
        Assert.Equal((CommandWriteKind.Stored, CommandWriteKind.DuplicateDelivery), (results[41].Kind, results[42].Kind));
        await using var db = jobs.Open();
        Assert.Equal(42, await db.InboundDeliveries.CountAsync());
        var queries = await db.Monitors.Select(m => m.Query).ToListAsync();
        Assert.Equal(42, queries.Count);
        Assert.Contains("https://example.com/twice-1", queries);
        Assert.DoesNotContain("https://example.com/again", queries);
        Assert.DoesNotContain("https://example.com/twice-2", queries);
        var stored = await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == results[0].Monitor!.Id);
        Assert.Equal((Channel, Now, MonitorStatus.Active), (stored.Address, stored.NextCheckAt, stored.Status));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_query_the_channel_already_watches_is_answered_with_that_monitor_in_the_table_or_the_same_batch(string provider)
    {
        await using var jobs = await HarnessAsync(provider);
        var writer = jobs.Create<GroupCommitWriter>();
        var first = await writer.WriteAsync(Rows("w-1", "https://example.com/watched"), CancellationToken.None);

        var again = await Task.WhenAll(
            writer.WriteAsync(Rows("w-2", "https://example.com/watched"), CancellationToken.None),
            writer.WriteAsync(Rows("w-3", "https://example.com/new"), CancellationToken.None),
            writer.WriteAsync(Rows("w-4", "https://example.com/new"), CancellationToken.None));

        Assert.Equal(CommandWriteKind.Stored, first.Kind);
        Assert.Equal((CommandWriteKind.AlreadyWatched, first.Monitor!.Id), (again[0].Kind, again[0].Monitor!.Id));
        Assert.Equal(CommandWriteKind.Stored, again[1].Kind);
        Assert.Equal((CommandWriteKind.AlreadyWatched, again[1].Monitor!.Id), (again[2].Kind, again[2].Monitor!.Id));
        await using var db = jobs.Open();
        // Every delivery is recorded, answered or not with a new monitor.
        Assert.Equal(4, await db.InboundDeliveries.CountAsync());
        Assert.Equal(2, await db.Monitors.CountAsync());
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_own_command_and_leaves_nothing_of_it()
    {
        await using var jobs = await HarnessAsync("postgres");
        var writer = jobs.Create<GroupCommitWriter>();
        // A workspace id longer than its column (64): PostgreSQL refuses the whole statement it is in.
        var tooLong = new string('T', 65);
        var bad = new CommandRows(new InboundDelivery("r-bad", Now),
            new Monitor(tooLong, "https://example.com/bad", Cadence.Daily, MonitorKind.Page, Channel with { WorkspaceId = tooLong }, null, Now));

        var writes = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(Rows($"r-{i}", $"https://example.com/r?n={i}"), CancellationToken.None))
            .Append(writer.WriteAsync(bad, CancellationToken.None))
            .ToList();
        var failure = await Record.ExceptionAsync(() => writes[^1]);

        Assert.IsAssignableFrom<System.Data.Common.DbException>(failure);
        Assert.All(await Task.WhenAll(writes.Take(20)), r => Assert.Equal(CommandWriteKind.Stored, r.Kind));
        await using var db = jobs.Open();
        Assert.Equal(20, await db.Monitors.CountAsync());
        Assert.False(await db.InboundDeliveries.AnyAsync(d => d.Id == "r-bad"));
    }

    private static async Task<JobsHarness> HarnessAsync(string provider) =>
        await JobsHarness.CreateAsync(Now, postgres: provider == "postgres" ? await TestPostgres.CreateDatabaseAsync("groupcommit") : null);

    private static CommandRows Rows(string deliveryId, string query) =>
        new(new InboundDelivery(deliveryId, Now),
            new Monitor(Channel.WorkspaceId, query, Cadence.Daily, MonitorKind.Page, Channel, new ChatUser("U0ADA", "ada"), Now));
}
