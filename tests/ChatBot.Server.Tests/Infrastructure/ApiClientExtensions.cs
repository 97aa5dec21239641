using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChatBot.Server.Tests.Infrastructure;

public static class ApiClientExtensions
{
    /// <summary>Ops credentials, and the custom header body-less ops actions need (no cross-site form can send it).</summary>
    public static void UseOpsCredentials(this HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChatBotAppFactory.OpsUsername}:{ChatBotAppFactory.OpsPassword}")));
        client.DefaultRequestHeaders.Add("X-Requested-With", "tests");
    }

    /// <summary>Issues a workspace token through the ops bootstrap endpoint, as an operator would.</summary>
    public static async Task<string> IssueTokenAsync(this ChatBotAppFactory app, string workspaceId, params string[] scopes)
    {
        using var ops = app.CreateClient();
        ops.UseOpsCredentials();
        var response = await ops.PostAsJsonAsync($"/api/ops/workspaces/{workspaceId}/tokens", new { name = "tests", scopes });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static HttpClient CreateClient(this ChatBotAppFactory app, string bearer)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>The body as JSON; buffered, so a test may read it again (e.g. after <see cref="ErrorCodeAsync"/>).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts the one error shape and returns its code.</summary>
    public static async Task<string> ErrorCodeAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.StartsWith("mr_", body.GetProperty("correlation_id").GetString());
        return body.GetProperty("code").GetString()!;
    }
}
