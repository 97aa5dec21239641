using ChatBot.Server.Tests.Infrastructure;

namespace ChatBot.Server.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_describes_the_public_routes()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/workspace/{workspace_id}/trigger", "/api/runs/{run_id}", "/api/workspace/{workspace_id}/receipts",
                     "/api/workspace/{workspace_id}/admin/tokens", "/api/workspace/{workspace_id}/admin/settings", "/health",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }
}
