using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Scheduling;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Jobs;

/// <summary>
/// The job store: on PostgreSQL it lives in the app's database and a request's rows and jobs commit as one; its
/// dashboard sits behind the ops authentication.
/// </summary>
public sealed class JobStoreTests
{
    [Fact]
    public async Task A_trigger_api_run_on_postgres_leaves_its_job_in_the_job_stores_tables()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Postgres);
        app.Agent.Then(new AgentCompleted("Summarized", "ok", "Done.", 3, [], "test/model"));
        using var client = app.CreateClient(await app.IssueTokenAsync("T0JOBSTORE", TokenScopes.Trigger));

        var response = await client.PostAsJsonAsync("/api/workspace/T0JOBSTORE/trigger", new { task = "summarize the release notes" });
        var runId = (await response.JsonAsync()).GetProperty("run_id").GetString()!;
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded));

        // The job records its own success just after the run's row: one job, ending succeeded.
        await app.WaitUntilAsync(async db => (await db.Database.SqlQuery<string>($"""
            SELECT statename AS "Value" FROM hangfire.job
            WHERE invocationdata::text LIKE '%AgentRunJob%' AND arguments::text LIKE {"%" + runId + "%"}
            """).ToListAsync()) is ["Succeeded"]);
    }

    [Fact]
    public async Task On_postgres_runs_still_start_while_the_nodes_listen_connection_is_cut_and_it_listens_again()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Postgres);
        app.Agent.Then(new AgentCompleted("First", "ok", "Done.", 1, [], "test/model"));
        app.Agent.Then(new AgentCompleted("Second", "ok", "Done.", 1, [], "test/model"));
        using var client = app.CreateClient(await app.IssueTokenAsync("T0LISTEN", TokenScopes.Trigger));
        await app.WaitUntilAsync(async _ => await ListenerAsync(app) != 0);
        var listener = await ListenerAsync(app);

        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend({listener})");
        var first = await TriggerAsync(client);
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == first && r.Status == RunStatus.Succeeded));

        await app.WaitUntilAsync(async _ => await ListenerAsync(app) is { } again && again != listener);
        var second = await TriggerAsync(client);
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == second && r.Status == RunStatus.Succeeded));
    }

    /// <summary>The backend of the node's LISTEN on the job queue's channel, or 0 while there is none.</summary>
    private static async Task<int> ListenerAsync(ChatBotAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQuery<int>($"""
            SELECT pid AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN chatbot_job_queued%'
            """).FirstOrDefaultAsync();
    }

    private static async Task<string> TriggerAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/workspace/T0LISTEN/trigger", new { task = "summarize the release notes" });
        return (await response.JsonAsync()).GetProperty("run_id").GetString()!;
    }

    [Fact]
    public async Task On_postgres_a_unit_of_work_that_fails_after_scheduling_leaves_neither_its_rows_nor_its_jobs()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Postgres);
        var scheduler = app.Services.GetRequiredService<WorkScheduler>();
        var message = new OutboundMessage(Inputs.Channel, new TextView("never sent"), DateTimeOffset.UtcNow);

        await using (var db = app.CreateDbContext())
        {
            db.OutboundMessages.Add(message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.SaveAndScheduleAsync(db, s =>
            {
                s.MessageDelivery(message.Id);
                throw new InvalidOperationException("the request fails after its job was added");
            }, CancellationToken.None));
        }

        await using var check = app.CreateDbContext();
        Assert.False(await check.OutboundMessages.AnyAsync(m => m.Id == message.Id));
        var jobs = await check.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM hangfire.job WHERE arguments::text LIKE {"%" + message.Id + "%"}
            """).SingleAsync();
        Assert.Equal(0, jobs);
    }

    [Fact]
    public async Task The_job_dashboard_needs_the_ops_credentials()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);

        var anonymous = await app.CreateClient().GetAsync("/hangfire");
        Assert.Equal("AUTH_REQUIRED", await anonymous.ErrorCodeAsync(401));
        Assert.Equal("Basic realm=\"ChatBot\"", anonymous.Headers.WwwAuthenticate.ToString());

        var ops = app.CreateClient();
        ops.UseOpsCredentials();
        var dashboard = await ops.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("ChatBot jobs", await dashboard.Content.ReadAsStringAsync());
    }
}
