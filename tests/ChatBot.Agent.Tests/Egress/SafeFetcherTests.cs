using ChatBot.Agent.Egress;
using ChatBot.Agent.Tests.Infrastructure;
using ChatBot.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Agent.Tests.Egress;

/// <summary>The egress guard against a real local server: the local address is exactly what it must refuse.</summary>
public sealed class SafeFetcherTests : IAsyncLifetime
{
    private WebDouble _web = null!;

    public async Task InitializeAsync() => _web = await WebDouble.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static SafeFetcher Fetcher(Dictionary<string, string?>? settings = null) =>
        AgentServices.Build(settings ?? new Dictionary<string, string?>()).GetRequiredService<SafeFetcher>();

    [Fact]
    public async Task A_literal_loopback_address_is_refused_before_any_request_is_sent()
    {
        _web.Serve("/secret", "internal");

        var denied = await Assert.ThrowsAsync<EgressDeniedException>(() => Fetcher().FetchAsync(new FetchRequest(_web.Url("/secret")), default));

        Assert.Contains("private or reserved address", denied.Message);
        Assert.Empty(_web.Requests);
    }

    [Fact]
    public async Task A_literal_ipv6_loopback_address_is_refused()
    {
        var url = new Uri($"http://[::1]:{_web.BaseUrl.Port}/secret");

        await Assert.ThrowsAsync<EgressDeniedException>(() => Fetcher().FetchAsync(new FetchRequest(url), default));
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused()
    {
        var url = new Uri($"http://localhost:{_web.BaseUrl.Port}/secret");

        var denied = await Assert.ThrowsAsync<EgressDeniedException>(() => Fetcher().FetchAsync(new FetchRequest(url), default));

        Assert.Contains("localhost", denied.Message);
        Assert.Empty(_web.Requests);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_private_one_is_refused_at_the_second_hop()
    {
        // 127.0.0.1 is allowed by name (as an intranet host would be); the redirect goes to a name that is not.
        _web.Redirect("/go", $"http://localhost:{_web.BaseUrl.Port}/secret");
        _web.Serve("/secret", "internal");
        var fetcher = Fetcher(new() { ["Egress:AllowedPrivateHosts:0"] = "127.0.0.1" });

        await Assert.ThrowsAsync<EgressDeniedException>(() => fetcher.FetchAsync(new FetchRequest(_web.Url("/go")), default));

        Assert.Equal(["/go"], _web.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Redirects_are_followed_when_every_hop_is_allowed()
    {
        _web.Redirect("/old", "/new", 301);
        _web.Serve("/new", "moved here", "text/plain");

        var result = await Fetcher(new() { ["Egress:AllowPrivateNetworks"] = "true" }).FetchAsync(new FetchRequest(_web.Url("/old")), default);

        Assert.Equal("moved here", result.Body);
        Assert.Equal(_web.Url("/new"), result.FinalUrl);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/file")]
    [InlineData("gopher://example.com/")]
    public async Task Only_http_and_https_are_fetched(string url)
    {
        var denied = await Assert.ThrowsAsync<EgressDeniedException>(() => Fetcher().FetchAsync(new FetchRequest(new Uri(url)), default));

        Assert.Contains("only http and https", denied.Message);
    }

    [Fact]
    public async Task Bodies_are_cut_at_the_size_cap()
    {
        _web.Serve("/big", new string('a', 10_000), "text/plain");
        var fetcher = Fetcher(new() { ["Egress:AllowPrivateNetworks"] = "true", ["Egress:MaxResponseBytes"] = "1000" });

        var result = await fetcher.FetchAsync(new FetchRequest(_web.Url("/big")), default);

        Assert.True(result.Truncated);
        Assert.Equal(1000, result.Body.Length);
    }

    [Fact]
    public async Task A_conditional_get_with_the_last_etag_gets_not_modified()
    {
        _web.Serve("/page", "<p>v1</p>");
        var fetcher = Fetcher(new() { ["Egress:AllowPrivateNetworks"] = "true" });
        var first = await fetcher.FetchAsync(new FetchRequest(_web.Url("/page")), default);

        var second = await fetcher.FetchAsync(new FetchRequest(_web.Url("/page"), first.ETag), default);

        Assert.NotNull(first.ETag);
        Assert.True(second.NotModified);
    }
}
