using System.Text.RegularExpressions;

namespace ChatBot.Core.Monitors;

/// <summary>
/// What a monitor's thread is told when a check fails. A failing first check is told at once, with the reason and
/// what to do (a monitor that cannot work must not stay silent for days); later failures only once they reach
/// the threshold in a row, as a flaky site should not flood the thread.
/// </summary>
public static partial class MonitorFailureNotice
{
    /// <summary>The thread's notice for this failure, or null when this failure stays quiet.</summary>
    public static string? For(string error, int failuresInARow, bool isFirstCheck, int threshold)
    {
        if (isFirstCheck)
            return $"⚠ The first check of this monitor failed: {error.TrimEnd('.')}. {AdviceFor(error)} " +
                "It tries again on its schedule; reply `cancelmonitor` in this thread to stop it.";
        if (failuresInARow == threshold)
            return $"⚠ This monitor has failed {failuresInARow} checks in a row (last error: {error}). It keeps trying; reply `cancelmonitor` to stop it.";
        return null;
    }

    /// <summary>What a person can do about the error, from its wording (the checkers' messages name the cause).</summary>
    public static string AdviceFor(string error) => error switch
    {
        _ when HttpStatus().Match(error) is { Success: true } status => int.Parse(status.Groups[1].Value) switch
        {
            404 or 410 => "The page does not exist at that address: check it for typos or a moved page, then start a new monitor with the right URL.",
            401 or 403 => "The site refuses to show the page to the bot (a login or a block on automated readers): monitor a public page instead.",
            429 => "The site is limiting requests; a slower cadence (`/weekly`) may help.",
            >= 500 => "The site itself is failing right now.",
            _ => "Check that the address opens in a browser.",
        },
        _ when error.Contains("does not resolve", StringComparison.OrdinalIgnoreCase) =>
            "No server has that name (DNS): check the host name's spelling.",
        _ when error.Contains("private or reserved address", StringComparison.OrdinalIgnoreCase) =>
            "The bot only reads public addresses; an admin can allow this one with Egress__AllowedPrivateHosts.",
        _ when error.Contains("only http and https", StringComparison.OrdinalIgnoreCase) =>
            "Use an http:// or https:// address.",
        _ when error.Contains("not an RSS or Atom feed", StringComparison.OrdinalIgnoreCase)
            || error.Contains("no readable text", StringComparison.OrdinalIgnoreCase) =>
            "There is no text to compare at that address: monitor the HTML page or the feed's own URL instead.",
        _ when error.Contains("Search__Provider", StringComparison.Ordinal) =>
            "Ask an admin to set up web search, or monitor a page or feed URL instead.",
        _ when error.Contains("could not connect", StringComparison.OrdinalIgnoreCase)
            || error.Contains("did not answer", StringComparison.OrdinalIgnoreCase) =>
            "The server did not answer: check the address, or wait in case the site is down.",
        _ => "Check that the address opens in a browser.",
    };

    [GeneratedRegex(@"\bHTTP (\d{3})\b")]
    private static partial Regex HttpStatus();
}
