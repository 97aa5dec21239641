using System.Net;
using System.Text.Json;
using ChatBot.Server.Tests.Infrastructure;

namespace ChatBot.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Health_reports_healthy_with_uptime(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("uptime").GetInt64() >= 0);
    }

    [Fact]
    public async Task Unmatched_routes_answer_404_in_the_error_shape()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NOT_FOUND", body.RootElement.GetProperty("code").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("correlation_id").GetString()));
        Assert.Equal("No matching route", body.RootElement.GetProperty("error").GetString());
    }
}
