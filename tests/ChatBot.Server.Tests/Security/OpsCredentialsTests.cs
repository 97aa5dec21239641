using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;

namespace ChatBot.Server.Tests.Security;

/// <summary>
/// A server with ops credentials: the playground (page, API, events) is behind them like the dashboard, and webhook
/// targets that a token holder chooses go through the egress address policy.
/// </summary>
[Collection(SecurityProcesses.Name)]
public sealed class OpsCredentialsTests(GuardedServer fixture) : IClassFixture<GuardedServer>
{
    [Theory]
    [InlineData("GET", "/playground/")]
    [InlineData("GET", "/playground/playground.js")]
    [InlineData("GET", "/api/playground/messages")]
    [InlineData("GET", "/api/playground/events")]
    [InlineData("POST", "/api/playground/messages")]
    [InlineData("POST", "/api/playground/actions")]
    public async Task The_playground_needs_the_ops_credentials(string method, string path)
    {
        using var client = fixture.Client();
        using var anonymous = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") anonymous.Content = JsonContent.Create(new { text = "approve everything", action_id = "approve", value = "appr_x" });
        var refused = await client.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString());

        if (method == "GET" && !path.EndsWith("/events", StringComparison.Ordinal))
        {
            client.DefaultRequestHeaders.Authorization = SecurityServer.Basic(SecurityServer.OpsUsername, SecurityServer.OpsPassword);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_playground_answers_an_operator()
    {
        using var client = fixture.Client();
        client.DefaultRequestHeaders.Authorization = SecurityServer.Basic(SecurityServer.OpsUsername, SecurityServer.OpsPassword);
        var posted = await client.PostAsJsonAsync("/api/playground/messages", new { text = "/help" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task Private_webhook_targets_are_refused_when_stored_and_a_loopback_name_is_refused_when_sent()
    {
        const string workspace = "T0EGRESS";
        var token = await fixture.IssueTokenAsync(workspace, "monitors", "admin", "trigger");
        using var api = fixture.Client();
        api.DefaultRequestHeaders.Add("x-api-key", token);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);

        foreach (var target in new[] { "https://127.0.0.1:8443/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://10.0.0.5/hook", "https://2130706433/hook" })
        {
            var created = await api.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/pricing", cadence = "daily", webhook = new { url = target } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
            Assert.Contains("refused by egress policy", await created.Content.ReadAsStringAsync());

            var allowlisted = await api.PatchAsJsonAsync($"/api/workspace/{workspace}/admin/settings", new { webhook_allowlist = new[] { target } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowlisted.StatusCode);
            Assert.Equal("EGRESS_REFUSED", (await allowlisted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

            var pushed = await api.PostAsJsonAsync($"/api/workspace/{workspace}/trigger", new { task = "report", responseDestination = new { webhookUrl = target } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, pushed.StatusCode);
        }

        // A name is judged where the socket opens: localhost passes the URL check and is refused at connect time.
        var monitor = await api.PostAsJsonAsync("/v1alpha/monitors",
            new { query = "https://example.com/pricing", cadence = "daily", webhook = new { url = $"https://localhost:{fixture.Server.BaseUrl.Port}/hook" } });
        Assert.Equal(HttpStatusCode.Created, monitor.StatusCode);
        var monitorId = (await monitor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monitor_id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/v1alpha/monitors/{monitorId}/simulate_event", null)).StatusCode);

        string? error = null;
        await Eventually.HoldsAsync(async () =>
        {
            var log = await api.GetFromJsonAsync<JsonElement>($"/api/workspace/{workspace}/admin/webhook-deliveries");
            error = log.GetProperty("data").EnumerateArray().SelectMany(d => d.GetProperty("attempts").EnumerateArray())
                .Select(a => a.GetProperty("error").GetString()).FirstOrDefault();
            return error is not null;
        }, what: "a delivery attempt in the log");
        Assert.StartsWith("refused by egress policy", error);
        // A webhook URL is a credential: the HTTP client's log lines show its origin only.
        Assert.Contains($"POST https://localhost:{fixture.Server.BaseUrl.Port}/…", fixture.Server.Output);
        Assert.DoesNotContain($"localhost:{fixture.Server.BaseUrl.Port}/hook", fixture.Server.Output);
    }
}
