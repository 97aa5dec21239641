using ChatBot.Agent.Tests.Infrastructure;
using ChatBot.Core.Monitors;
using ChatBot.Testing.Models;
using ChatBot.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Agent.Tests.Monitors;

public sealed class PageMonitorTests : IAsyncLifetime
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

    private static string Page(string body) =>
        $"<html><head><title>Changelog</title><script>track()</script></head><body><nav>Home · Docs</nav><main>{body}</main></body></html>";

    private async Task<MonitorCheckResult> CheckAsync(IMonitorChecker checker, string? state, string? schema = null) =>
        await checker.CheckAsync(new MonitorCheckRequest("mon_1", _web.Url("/changelog").ToString(), MonitorKind.Page, schema, state), default);

    private static IMonitorChecker Checker(Dictionary<string, string?> settings) =>
        AgentServices.Build(settings).GetRequiredService<IMonitorChecker>();

    private static Dictionary<string, string?> NoModel() => new() { ["Egress:AllowPrivateNetworks"] = "true" };

    [Fact]
    public async Task The_first_check_takes_a_snapshot_and_reports_nothing()
    {
        _web.Serve("/changelog", Page("<h2>v1.0</h2><p>First release.</p>"));

        var first = await CheckAsync(Checker(NoModel()), null);

        Assert.Empty(first.Detections);
        Assert.Contains("First release.", first.NewState);
    }

    [Fact]
    public async Task A_new_entry_on_the_page_is_detected_with_the_added_lines_and_the_page_as_source()
    {
        var checker = Checker(NoModel());
        _web.Serve("/changelog", Page("<h2>v1.0</h2><p>First release.</p>"));
        var first = await CheckAsync(checker, null);
        _web.Serve("/changelog", Page("<h2>v1.1</h2><p>Adds SSO login.</p><h2>v1.0</h2><p>First release.</p>"));

        var second = await CheckAsync(checker, first.NewState);

        var detection = Assert.Single(second.Detections);
        Assert.Contains("+ Adds SSO login.", detection.Summary);
        Assert.Contains("+ v1.1", detection.Summary);
        Assert.StartsWith("Changelog changed:\n", detection.Summary);
        Assert.Equal([_web.Url("/changelog").ToString()], detection.SourceUrls);
        Assert.NotNull(detection.EventDate);
    }

    [Fact]
    public async Task An_update_of_a_page_without_a_title_is_headed_by_its_host()
    {
        var checker = Checker(NoModel());
        _web.Serve("/changelog", "<html><body><p>v1.0</p></body></html>");
        var first = await CheckAsync(checker, null);
        _web.Serve("/changelog", "<html><body><p>v1.2</p><p>v1.0</p></body></html>");

        var detection = Assert.Single((await CheckAsync(checker, first.NewState)).Detections);

        Assert.Equal($"{_web.BaseUrl.Host} changed:\n+ v1.2", detection.Summary);
    }

    [Fact]
    public async Task An_unchanged_page_is_answered_by_a_conditional_get_and_reports_nothing()
    {
        var checker = Checker(NoModel());
        _web.Serve("/changelog", Page("<p>Same.</p>"));
        var first = await CheckAsync(checker, null);

        var second = await CheckAsync(checker, first.NewState);

        Assert.Empty(second.Detections);
        Assert.Equal(first.NewState, second.NewState);
        Assert.NotNull(_web.Requests.Last().IfNoneMatch);
    }

    [Fact]
    public async Task Changes_in_whitespace_dates_times_and_counters_are_not_material()
    {
        var checker = Checker(NoModel());
        _web.Serve("/changelog", Page("<p>Release notes</p><p>Updated 2026-11-20 at 10:15 UTC · 1,204 views</p><p>Last edited 3 hours ago</p>"));
        var first = await CheckAsync(checker, null);
        _web.Serve("/changelog", Page("<p>Release   notes</p>\n\n<p>Updated 2026-11-22 at 08:01 UTC · 1,377 views</p><p>Last edited 5 minutes ago</p>"));

        var second = await CheckAsync(checker, first.NewState);

        Assert.Empty(second.Detections);
    }

    [Fact]
    public async Task With_a_model_the_change_is_judged_against_the_query_and_summarised_by_it()
    {
        var settings = AgentServices.OpenAI(_model);
        var checker = Checker(settings);
        _web.Serve("/changelog", Page("<p>Pricing: Pro $20</p>"));
        var first = await CheckAsync(checker, null);
        _web.Serve("/changelog", Page("<p>Pricing: Pro $25</p>"));
        _model.Then(ScriptedModelReply.Answer("""{"material": true, "summary": "Pro plan price rose from $20 to $25."}"""));

        var second = await CheckAsync(checker, first.NewState);

        Assert.Equal("Pro plan price rose from $20 to $25.", Assert.Single(second.Detections).Summary);
        var asked = _model.Requests.Single().ToJsonString();
        Assert.Contains("untrusted-data", asked);
        Assert.True(second.CreditsUsed > 1);
    }

    [Fact]
    public async Task A_change_the_model_judges_immaterial_is_not_reported_but_becomes_the_new_snapshot()
    {
        var checker = Checker(AgentServices.OpenAI(_model));
        _web.Serve("/changelog", Page("<p>Banner: spring sale</p>"));
        var first = await CheckAsync(checker, null);
        _web.Serve("/changelog", Page("<p>Banner: summer sale</p>"));
        _model.Then(ScriptedModelReply.Answer("""{"material": false, "summary": "Only the banner changed."}"""));

        var second = await CheckAsync(checker, first.NewState);

        Assert.Empty(second.Detections);
        Assert.Contains("summer sale", second.NewState);
    }

    [Fact]
    public async Task A_monitor_with_an_output_schema_gets_a_json_result_that_conforms_to_it()
    {
        var checker = Checker(AgentServices.OpenAI(_model));
        const string schema = """{"type":"json","json_schema":{"type":"object","properties":{"version":{"type":"string"},"kind":{"type":"string","enum":["feature","fix"]}},"required":["version"]}}""";
        _web.Serve("/changelog", Page("<p>v1.0</p>"));
        var first = await CheckAsync(checker, null, schema);
        _web.Serve("/changelog", Page("<p>v1.1 adds SSO</p><p>v1.0</p>"));
        _model.Then(ScriptedModelReply.Answer("""{"material": true, "summary": "v1.1 adds SSO."}"""))
            .Then(ScriptedModelReply.Answer("""{"version": "1.1", "kind": "feature"}"""));

        var second = await CheckAsync(checker, first.NewState, schema);

        Assert.Equal("""{"version": "1.1", "kind": "feature"}""", Assert.Single(second.Detections).ResultJson);
    }

    [Fact]
    public async Task A_result_that_breaks_the_output_schema_fails_the_check_instead_of_being_stored()
    {
        var checker = Checker(AgentServices.OpenAI(_model));
        const string schema = """{"type":"object","properties":{"kind":{"type":"string","enum":["feature","fix"]}}}""";
        _web.Serve("/changelog", Page("<p>v1.0</p>"));
        var first = await CheckAsync(checker, null, schema);
        _web.Serve("/changelog", Page("<p>v1.1</p>"));
        _model.Then(ScriptedModelReply.Answer("""{"material": true, "summary": "v1.1"}"""))
            .Then(ScriptedModelReply.Answer("""{"kind": "rumour"}"""));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => CheckAsync(checker, first.NewState, schema));

        Assert.Contains("must be one of feature, fix", failure.Message);
    }

    [Fact]
    public async Task A_page_that_answers_with_an_error_fails_the_check()
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => CheckAsync(Checker(NoModel()), null));

        Assert.Contains("HTTP 404", failure.Message);
    }
}
