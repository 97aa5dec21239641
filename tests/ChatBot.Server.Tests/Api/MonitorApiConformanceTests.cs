using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Monitors;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Api.MonitorApiSchema;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Api;

/// <summary>Every Monitor API response, success and error, validated against the seed document's schemas.</summary>
public sealed class MonitorApiConformanceTests
{
    private const string Workspace = "T0CONFORM";

    [Fact]
    public async Task Every_operation_answers_in_the_shapes_the_seed_document_defines()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenDetect("Acme raised a Series B", "https://news.example/acme").ThenFail("HTTP 503 from example.com").ThenNothing();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", await app.IssueTokenAsync(Workspace, TokenScopes.Monitors));

        async Task<JsonElement> Conforms(HttpResponseMessage response, HttpStatusCode status, string schema)
        {
            Assert.Equal(status, response.StatusCode);
            var body = await response.JsonAsync();
            await SeedSchemas.AssertConformsAsync(body, schema);
            return body;
        }

        var created = await Conforms(await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/changelog",
            cadence = "daily",
            webhook = new { url = "https://example.com/webhook", event_types = new[] { "monitor.event.detected" } },
            metadata = new { key = "value" },
        }), HttpStatusCode.Created, "MonitorResponse");
        var id = created.GetProperty("monitor_id").GetString()!;
        var structured = await Conforms(await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/pricing",
            cadence = "hourly",
            output_schema = new { type = "json", json_schema = new { type = "object", properties = new { price = new { type = "string" } } } },
        }), HttpStatusCode.Created, "MonitorResponse");

        var listed = await client.GetFromJsonAsync<JsonElement>("/v1alpha/monitors");
        foreach (var monitor in listed.GetProperty("monitors").EnumerateArray()) await SeedSchemas.AssertConformsAsync(monitor, "MonitorResponse");
        await Conforms(await client.GetAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.OK, "MonitorResponse");
        await Conforms(await client.PatchAsJsonAsync($"/v1alpha/monitors/{id}", new { cadence = "weekly", metadata = (object?)null }), HttpStatusCode.OK, "MonitorResponse");

        // One check of each outcome: an event, an error, a completion.
        await app.WaitUntilAsync(db => db.MonitorEvents.AnyAsync(e => e.MonitorId == id));
        await app.WaitUntilAsync(db => db.MonitorEvents.CountAsync().ContinueWith(t => t.Result >= 2));
        await using (var scope = app.Services.CreateAsyncScope())
            scope.ServiceProvider.GetRequiredService<ChatBot.Jobs.Scheduling.WorkScheduler>().Schedule(s => s.MonitorCheck(id));
        await app.WaitUntilAsync(db => db.MonitorEvents.CountAsync().ContinueWith(t => t.Result >= 3));
        var events = await Conforms(await client.GetAsync($"/v1alpha/monitors/{id}/events?lookback_period=1w"), HttpStatusCode.OK, "MonitorEventList");
        await using (var db = app.CreateDbContext())
        {
            var kinds = await db.MonitorEvents.Select(e => e.Type).Distinct().ToListAsync();
            Assert.Equal(3, kinds.Count);
        }
        var groupId = events.GetProperty("events").EnumerateArray().Concat(
                (await client.GetFromJsonAsync<JsonElement>($"/v1alpha/monitors/{structured.GetProperty("monitor_id").GetString()}/events")).GetProperty("events").EnumerateArray())
            .First(e => e.GetProperty("type").GetString() == "event").GetProperty("event_group_id").GetString();
        var owner = await app.WaitForAsync(db => db.MonitorEvents.FirstOrDefaultAsync(e => e.EventGroupId == groupId));
        var group = await client.GetFromJsonAsync<JsonElement>($"/v1alpha/monitors/{owner.MonitorId}/event_groups/{groupId}");
        foreach (var item in group.GetProperty("events").EnumerateArray()) await SeedSchemas.AssertConformsAsync(item, "MonitorEventDetail");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1alpha/monitors/{id}/simulate_event", null)).StatusCode);
        await Conforms(await client.DeleteAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.OK, "MonitorResponse");

        // Errors, in the seed's ErrorResponse shape.
        await Conforms(await client.GetAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.NotFound, "ErrorResponse");
        await Conforms(await client.GetAsync($"/v1alpha/monitors/{structured.GetProperty("monitor_id").GetString()}/event_groups/mevtgrp_nope"), HttpStatusCode.NotFound, "ErrorResponse");
        await Conforms(await client.PostAsync("/v1alpha/monitors", new StringContent("{", Encoding.UTF8, "application/json")), HttpStatusCode.UnprocessableEntity, "ErrorResponse");
        await Conforms(await client.GetAsync($"/v1alpha/monitors/{structured.GetProperty("monitor_id").GetString()}/events?lookback_period=3m"), HttpStatusCode.UnprocessableEntity, "ErrorResponse");
        var bare = (await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/x", cadence = "daily" }));
        await Conforms(await client.PostAsync($"/v1alpha/monitors/{(await bare.JsonAsync()).GetProperty("monitor_id").GetString()}/simulate_event", null), HttpStatusCode.BadRequest, "ErrorResponse");
        // The check has teeth: a body off the seed's shape is caught.
        Assert.NotEmpty(await SeedSchemas.ViolationsAsync(JsonDocument.Parse("""{"monitor_id":"m","status":"paused"}""").RootElement, "MonitorResponse"));
        var anonymous = app.CreateClient();
        await Conforms(await anonymous.GetAsync("/v1alpha/monitors"), HttpStatusCode.Unauthorized, "ErrorResponse");
    }
}
