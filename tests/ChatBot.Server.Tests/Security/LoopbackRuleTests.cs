using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChatBot.Server.Tests.Security;

/// <summary>
/// A server with no ops credentials, listening on every interface as the container does: the ops API, dashboard
/// and playground answer loopback callers only, and a proxy's forwarding headers or a foreign Host name do not
/// make a caller loopback.
/// </summary>
[Collection(SecurityProcesses.Name)]
public sealed class LoopbackRuleTests(OpenServer fixture) : IClassFixture<OpenServer>
{
    private static readonly string[] LoopbackSurfaces = ["/api/dashboard", "/playground/", "/api/playground/messages"];

    [Fact]
    public void Startup_warns_once_that_the_ops_surfaces_are_closed_to_all_but_loopback()
    {
        var warnings = fixture.Server.Output.Split('\n').Count(l => l.Contains("closed to everyone but loopback callers", StringComparison.Ordinal));
        Assert.Equal(1, warnings);
    }

    [Fact]
    public async Task Loopback_callers_reach_the_dashboard_and_playground()
    {
        using var client = fixture.Client();
        foreach (var path in LoopbackSurfaces)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_request_with_forwarding_headers_is_not_a_loopback_caller(string header, string value)
    {
        using var client = fixture.Client();
        client.DefaultRequestHeaders.Add(header, value);
        foreach (var path in LoopbackSurfaces)
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);

        using var mint = new HttpRequestMessage(HttpMethod.Post, "/api/ops/workspaces/T0PROXY/tokens")
        {
            Content = JsonContent.Create(new { name = "stolen", scopes = new[] { "admin" } }),
        };
        var minted = await client.SendAsync(mint);
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.Equal("LOOPBACK_ONLY", (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused_so_dns_rebinding_gets_nothing()
    {
        using var client = fixture.Client();
        foreach (var path in LoopbackSurfaces)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "rebind.attacker.example";
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
        }
        using var localhost = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        localhost.Headers.Host = $"localhost:{fixture.Server.BaseUrl.Port}";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(localhost)).StatusCode);
    }

    [Fact]
    public async Task State_changing_ops_and_playground_calls_need_json_or_a_custom_header()
    {
        using var client = fixture.Client();
        // What a cross-site HTML form can send: no body, or a form body.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/ops/runs/run_nope/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await client.PostAsync("/api/ops/monitors/monitor_nope/pause", new FormUrlEncodedContent([new("x", "y")]))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await client.PostAsync("/api/playground/messages", new StringContent("text=hello", Encoding.UTF8, "text/plain"))).StatusCode);

        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/ops/runs/run_nope/cancel");
        withHeader.Headers.Add("X-Requested-With", "curl");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/playground/messages", new { text = "/help" })).StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_before_they_are_read()
    {
        using var client = fixture.Client();
        var playground = await client.PostAsync("/api/playground/messages",
            new StringContent("{\"text\":\"" + new string('x', 200_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, playground.StatusCode);
        Assert.Equal("BODY_TOO_LARGE", (await playground.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var trigger = await client.PostAsync("/api/workspace/T0BIG/trigger",
            new StringContent("{\"task\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, trigger.StatusCode);
    }

    [Fact]
    public async Task Event_streams_are_capped_per_client()
    {
        using var client = fixture.Client();
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var stream = await client.GetAsync("/api/playground/events", HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
                open.Add(stream);
            }
            using var ninth = await client.GetAsync("/api/dashboard/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode);
            Assert.Equal("TOO_MANY_STREAMS", (await ninth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        finally
        {
            foreach (var stream in open) stream.Dispose();
        }
    }
}
