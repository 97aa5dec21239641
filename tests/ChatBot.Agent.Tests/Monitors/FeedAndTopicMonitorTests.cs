using ChatBot.Agent.Monitors;
using ChatBot.Agent.Tests.Infrastructure;
using ChatBot.Core.Monitors;
using ChatBot.Testing.Models;
using ChatBot.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Agent.Tests.Monitors;

public sealed class FeedAndTopicMonitorTests : IAsyncLifetime
{
    private WebDouble _web = null!;
    private ModelDouble _model = null!;

    public async Task InitializeAsync()
    {
        _web = await WebDouble.StartAsync();
        _model = await ModelDouble.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _model.DisposeAsync();
    }

    private static string Rss(params (string Id, string Title, string Date)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link><description>d</description>
        {string.Concat(items.Select(i => $"<item><guid>{i.Id}</guid><title>{i.Title}</title><link>https://blog.example/{i.Id}</link><description>&lt;p&gt;About {i.Title}&lt;/p&gt;</description><pubDate>{i.Date}</pubDate></item>"))}
        </channel></rss>
        """;

    private static IMonitorChecker Checker(Dictionary<string, string?> settings) =>
        AgentServices.Build(settings).GetRequiredService<IMonitorChecker>();

    private Task<MonitorCheckResult> CheckFeedAsync(IMonitorChecker checker, string? state) =>
        checker.CheckAsync(new MonitorCheckRequest("mon_feed", _web.Url("/feed.xml").ToString(), MonitorKind.Feed, null, state), default);

    [Fact]
    public async Task A_feed_reports_only_items_published_after_its_first_check_oldest_first()
    {
        var checker = Checker(new() { ["Egress:AllowPrivateNetworks"] = "true" });
        _web.Serve("/feed.xml", Rss(("a", "Launch", "Mon, 16 Nov 2026 09:00:00 GMT")), "application/rss+xml");
        var first = await CheckFeedAsync(checker, null);
        _web.Serve("/feed.xml", Rss(
            ("c", "Pricing update", "Sun, 22 Nov 2026 09:00:00 GMT"),
            ("b", "SSO arrives", "Fri, 20 Nov 2026 09:00:00 GMT"),
            ("a", "Launch", "Mon, 16 Nov 2026 09:00:00 GMT")), "application/rss+xml");

        var second = await CheckFeedAsync(checker, first.NewState);
        var third = await CheckFeedAsync(checker, second.NewState);

        Assert.Empty(first.Detections);
        Assert.Equal(["Blog: SSO arrives — About SSO arrives", "Blog: Pricing update — About Pricing update"], second.Detections.Select(d => d.Summary));
        Assert.Equal(["https://blog.example/b"], second.Detections[0].SourceUrls);
        Assert.Equal(new DateOnly(2026, 11, 20), second.Detections[0].EventDate);
        Assert.Empty(third.Detections);
    }

    [Fact]
    public async Task An_atom_feed_is_read_too()
    {
        var checker = Checker(new() { ["Egress:AllowPrivateNetworks"] = "true" });
        static string Atom(string entries) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Releases</title><id>urn:releases</id><updated>2026-11-22T00:00:00Z</updated>{entries}</feed>
            """;
        const string v1 = "<entry><id>urn:v1</id><title>v1</title><updated>2026-11-01T00:00:00Z</updated><link href=\"https://git.example/v1\"/></entry>";
        const string v2 = "<entry><id>urn:v2</id><title>v2</title><updated>2026-11-21T00:00:00Z</updated><link href=\"https://git.example/v2\"/></entry>";
        _web.Serve("/feed.xml", Atom(v1), "application/atom+xml");
        var first = await CheckFeedAsync(checker, null);
        _web.Serve("/feed.xml", Atom(v2 + v1), "application/atom+xml");

        var second = await CheckFeedAsync(checker, first.NewState);

        var detection = Assert.Single(second.Detections);
        Assert.Equal("Releases: v2", detection.Summary);
        Assert.Equal(["https://git.example/v2"], detection.SourceUrls);
    }

    [Fact]
    public async Task Something_that_is_not_a_feed_fails_the_check_with_a_clear_reason()
    {
        _web.Serve("/feed.xml", "<html><body>not a feed</body></html>");

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() =>
            CheckFeedAsync(Checker(new() { ["Egress:AllowPrivateNetworks"] = "true" }), null));

        Assert.Contains("not an RSS or Atom feed", failure.Message);
    }

    private static string Searx(params (string Url, string Title)[] results) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            query = "q",
            results = results.Select(r => new { url = r.Url, title = r.Title, content = $"Snippet of {r.Title}", publishedDate = "2026-11-21T10:00:00" }),
        });

    private Dictionary<string, string?> TopicSettings()
    {
        var settings = AgentServices.OpenAI(_model);
        settings["Search:Provider"] = "searxng";
        settings["Search:Endpoint"] = _web.BaseUrl.ToString();
        return settings;
    }

    [Fact]
    public async Task A_topic_monitor_reports_the_developments_the_model_picks_from_search_and_judges_each_url_once()
    {
        var checker = Checker(TopicSettings());
        _web.Serve("/search", Searx(("https://news.example/acme-series-b", "Acme raises Series B"), ("https://news.example/acme-jobs", "Acme is hiring")), "application/json");
        _model.Then(ScriptedModelReply.Answer("""
            {"events": [{"summary": "Acme raised a $40M Series B.", "source_urls": ["https://news.example/acme-series-b", "https://invented.example/x"], "event_date": "2026-11-21"}]}
            """));
        var request = new MonitorCheckRequest("mon_topic", "Acme funding news", MonitorKind.Topic, null, null);

        var first = await checker.CheckAsync(request, default);
        var second = await checker.CheckAsync(request with { PreviousState = first.NewState }, default);

        var detection = Assert.Single(first.Detections);
        Assert.Equal("Acme raised a $40M Series B.", detection.Summary);
        Assert.Equal(["https://news.example/acme-series-b"], detection.SourceUrls);
        Assert.Equal(new DateOnly(2026, 11, 21), detection.EventDate);
        Assert.Contains(_web.Requests, r => r.PathAndQuery.StartsWith("/search?q=Acme%20funding%20news&format=json"));
        Assert.Empty(second.Detections);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public void A_topic_monitor_without_search_or_model_is_refused_with_how_to_enable_it()
    {
        var withoutSearch = Checker(AgentServices.OpenAI(_model));
        var withoutModel = Checker(new() { ["Search:Provider"] = "searxng", ["Search:Endpoint"] = "http://127.0.0.1:9" });
        var configured = Checker(TopicSettings());

        Assert.Equal(MonitorChecker.TopicUnsupported, withoutSearch.ExplainUnsupported("Acme funding news", MonitorKind.Topic));
        Assert.Equal(MonitorChecker.TopicUnsupported, withoutModel.ExplainUnsupported("Acme funding news", MonitorKind.Topic));
        Assert.Null(configured.ExplainUnsupported("Acme funding news", MonitorKind.Topic));
        Assert.Null(withoutSearch.ExplainUnsupported("https://example.com/changelog", MonitorKind.Page));
    }
}
