using System.Net.Http.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Receipts;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Api;

public sealed class ReceiptAuditTests
{
    private const string Workspace = "T0AUDIT";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Receipts_page_by_cursor_without_gaps_or_repeats(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        for (var i = 0; i < 5; i++) app.Agent.Then(new AgentCompleted($"Did {i}", "", "out", i, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));
        var runIds = new List<string>();
        for (var i = 0; i < 5; i++)
            runIds.Add((await (await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = $"task {i}" })).JsonAsync()).GetProperty("run_id").GetString()!);
        await app.WaitUntilAsync(async db => await db.Receipts.CountAsync(r => r.Status != ReceiptDeliveryStatus.Pending) == 5);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync($"/api/workspace/{Workspace}/receipts?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).JsonAsync();
            foreach (var receipt in page.GetProperty("data").EnumerateArray())
            {
                Assert.Equal("run_receipt", receipt.GetProperty("type").GetString());
                seen.Add(receipt.GetProperty("run_id").GetString()!);
            }
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(runIds.Order(), seen.Order());
        Assert.Equal(5, seen.Distinct().Count());

        var future = await (await client.GetAsync($"/api/workspace/{Workspace}/receipts?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}")).JsonAsync();
        Assert.Equal(0, future.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Bad_parameters_are_400s()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        Assert.Equal("INVALID_CURSOR", await (await client.GetAsync($"/api/workspace/{Workspace}/receipts?cursor=!!")).ErrorCodeAsync(400));
        Assert.Equal("INVALID_LIMIT", await (await client.GetAsync($"/api/workspace/{Workspace}/receipts?limit=0")).ErrorCodeAsync(400));
        Assert.Equal("INVALID_SINCE", await (await client.GetAsync($"/api/workspace/{Workspace}/receipts?since=yesterday")).ErrorCodeAsync(400));
    }
}
