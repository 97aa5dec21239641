using ChatBot.Core.Agents;
using ChatBot.Core.Inbound;
using ChatBot.Core.Receipts;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Inbound;

/// <summary>A redelivered event (Socket Mode retry, the same event over HTTP) is expected traffic: one debug line, no failure.</summary>
public sealed class DuplicateDeliveryLogTests
{
    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_redelivery_is_logged_at_debug_without_a_stack_trace(StorageKind storage)
    {
        var logs = new RecordingLoggerProvider();
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
        });
        app.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        app.Agent.Then(new AgentCompleted("Said hello", "", "Hello.", 1, [], "test/model"));
        _ = app.CreateClient();
        var invocation = Inputs.Task("say hello", deliveryId: "Ev-redelivered");

        await app.SendAsync(invocation);
        var again = await app.SendAsync(invocation);

        Assert.Equal(CommandResult.Nothing, again);
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using (var db = app.CreateDbContext()) Assert.Equal(1, await db.Runs.CountAsync());
        var duplicate = Assert.Single(logs.Logs, log => log.Message.Contains("Ev-redelivered was already handled", StringComparison.Ordinal));
        Assert.Equal((LogLevel.Debug, null), (duplicate.Level, duplicate.Exception));
        Assert.DoesNotContain(logs.Logs, log => log.Level >= LogLevel.Warning
            && (log.Exception is DbUpdateException || $"{log.Message} {log.Exception}".Contains("inbound_deliveries", StringComparison.OrdinalIgnoreCase)));
    }
}
