using ChatBot.Core.Monitors;

namespace ChatBot.Core.Tests.Monitors;

/// <summary>A monitor's first failed check is told at once with the reason and what to do; later ones wait for the threshold.</summary>
public sealed class MonitorFailureNoticeTests
{
    [Theory]
    [InlineData("HTTP 404 from http://host/missing.html", "The page does not exist at that address")]
    [InlineData("nowhere.invalid does not resolve", "No server has that name (DNS)")]
    [InlineData("intranet resolves to a private or reserved address; set Egress__AllowPrivateNetworks=true or list the host in Egress__AllowedPrivateHosts to allow it",
        "The bot only reads public addresses")]
    [InlineData("http://host/logo.png has no readable text (image/png)", "There is no text to compare at that address")]
    [InlineData("http://host/x is not an RSS or Atom feed: bad root", "There is no text to compare at that address")]
    [InlineData("Watching a topic needs web search and a model: set Search__Provider …", "Ask an admin to set up web search")]
    [InlineData("HTTP 403 from http://host/", "refuses to show the page to the bot")]
    [InlineData("could not connect to host", "The server did not answer")]
    public void The_first_failure_says_why_and_what_to_do(string error, string advice)
    {
        var notice = MonitorFailureNotice.For(error, failuresInARow: 1, isFirstCheck: true, threshold: 3)!;

        Assert.StartsWith($"⚠ The first check of this monitor failed: {error.TrimEnd('.')}. ", notice);
        Assert.Contains(advice, notice);
        Assert.EndsWith("reply `cancelmonitor` in this thread to stop it.", notice);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, "⚠ This monitor has failed 3 checks in a row (last error: HTTP 503 from x). It keeps trying; reply `cancelmonitor` to stop it.")]
    [InlineData(4, null)]
    public void Later_failures_keep_the_threshold(int failures, string? expected)
    {
        Assert.Equal(expected, MonitorFailureNotice.For("HTTP 503 from x", failures, isFirstCheck: false, threshold: 3));
    }
}
