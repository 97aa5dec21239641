using System.Net.Sockets;
using System.Xml;

namespace ChatBot.Jobs.Monitors;

/// <summary>
/// Tells the failures a monitor check meets in the world (unreachable or refused addresses, timeouts, content that
/// is not what the query said, a missing provider) from bugs, and words them in one line.
/// </summary>
public static class MonitorCheckFailures
{
    public static bool IsExpected(Exception ex) => ex is HttpRequestException or TimeoutException or SocketException or IOException or InvalidDataException
        or FormatException or XmlException
        // "… is not a page URL": a query the checker cannot read; framework guards name their parameter, and are bugs.
        or ArgumentException { ParamName: null }
        // The checkers' "needs a model / search provider" refusals: a setting is missing, not code broken.
        or InvalidOperationException { InnerException: null, Source: "ChatBot.Agent" };

    /// <summary>The message with its causes ("could not connect to x: Connection refused"), on one line.</summary>
    public static string Reason(Exception ex)
    {
        var parts = new List<string>();
        for (var current = ex; current is not null; current = current.InnerException)
            if (parts.Count == 0 || !parts[^1].Contains(current.Message, StringComparison.Ordinal)) parts.Add(current.Message);
        return string.Join(": ", parts).ReplaceLineEndings(" ");
    }
}
