using System.Text.Json;
using ChatBot.Server.Tests.Infrastructure;

namespace ChatBot.Server.Tests.Api;

/// <summary>The OpenAPI document lists every status each trigger, run, receipts and admin operation answers, errors in the one error shape.</summary>
public sealed class OpenApiAnswersTests
{
    private const string Workspace = "/api/workspace/{workspace_id}";
    private const string WebhookTrigger = "/api/v1/workspaces/{workspaceType}/{workspaceId}";
    private static readonly int[] TokenAuth = [401, 403, 429];
    private static readonly int[] JsonBody = [400, 413, 415];
    private static readonly int[] TriggerRefusals = [400, 402, 403, 409, 422];

    private static readonly (string Method, string Path, int[] Statuses)[] Operations =
    [
        ("post", Workspace + "/trigger", [202, .. TokenAuth, .. JsonBody, .. TriggerRefusals]),
        ("post", WebhookTrigger + "/query-agent-webhook-trigger", [202, .. TokenAuth, .. JsonBody, .. TriggerRefusals]),
        ("get", WebhookTrigger + "/query-agent-jobs", [200, 202, 400, 401, 403, 404, 429]),
        ("get", "/api/runs/{run_id}", [200, 202, .. TokenAuth, 404]),
        ("get", Workspace + "/receipts", [200, .. TokenAuth, 400]),
        ("get", Workspace + "/admin/tokens", [200, .. TokenAuth]),
        ("post", Workspace + "/admin/tokens", [201, .. TokenAuth, .. JsonBody]),
        ("post", Workspace + "/admin/tokens/{token_id}/rotate", [201, .. TokenAuth, 404, 409]),
        ("delete", Workspace + "/admin/tokens/{token_id}", [204, .. TokenAuth, 404]),
        ("get", Workspace + "/admin/settings", [200, .. TokenAuth]),
        ("patch", Workspace + "/admin/settings", [200, .. TokenAuth, .. JsonBody, 403, 409, 422]),
        ("post", Workspace + "/admin/webhook-secret/rotate", [200, .. TokenAuth, 409]),
        ("get", Workspace + "/admin/webhook-deliveries", [200, .. TokenAuth]),
        ("post", Workspace + "/admin/webhook-deliveries/{delivery_id}/redeliver", [202, .. TokenAuth, 404, 409]),
    ];

    [Fact]
    public async Task The_document_lists_every_answer_of_each_trigger_run_receipts_and_admin_operation()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var (method, path, statuses) in Operations)
        foreach (var status in statuses.Distinct())
        {
            var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            Assert.True(responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response),
                $"{method} {path} does not list {status}");
            if (status < 400) continue;
            var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var body = schemas.GetProperty(schema.GetProperty("$ref").GetString()!.Split('/')[^1]);
            Assert.Equal(["code", "correlation_id", "error", "resets_at", "status"], body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        }
    }
}
