using ChatBot.Core.Views;
using ChatBot.Slack.Api;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests.Api;

/// <summary>response_url hooks are posted only to Slack's own hosts.</summary>
public sealed class SlackResponseUrlsTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/actions/T0/1/abc", null, true)]
    [InlineData("https://hooks.slack-gov.com/actions/T0/1/abc", "https://slack-gov.com/api/", true)]
    [InlineData("http://hooks.slack.com/actions/T0/1/abc", null, false)]
    [InlineData("https://hooks.slack.com.attacker.example/x", null, false)]
    [InlineData("https://attacker.example/hooks", null, false)]
    [InlineData("http://169.254.169.254/latest/meta-data", null, false)]
    [InlineData("not a url", null, false)]
    [InlineData("http://127.0.0.1:5555/hooks/1", "http://127.0.0.1:5555/api/", true)]
    [InlineData("http://127.0.0.1:6666/hooks/1", "http://127.0.0.1:5555/api/", false)]
    public void Only_the_web_apis_origin_and_https_subdomains_of_its_domain_are_trusted(string responseUrl, string? apiBaseUrl, bool trusted) =>
        Assert.Equal(trusted, SlackResponseUrls.IsSlackHost(responseUrl, apiBaseUrl));

    [Fact]
    public async Task An_untrusted_response_url_is_refused_before_anything_is_sent()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        var hooks = services.GetRequiredService<SlackWebApiClient>().ResponseUrls;
        var message = services.GetRequiredService<SlackBlockRenderer>().Render(new TextView("done"));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => hooks.RespondAsync("https://attacker.example/hook", message, replaceOriginal: false, CancellationToken.None));
        await hooks.RespondAsync(slack.ResponseUrl("ok"), message, replaceOriginal: false, CancellationToken.None);

        Assert.Equal("untrusted_response_url", refused.Error);
        Assert.Equal("ok", Assert.Single(slack.CallsTo("response_url")).Arg("hook_id"));
    }
}
