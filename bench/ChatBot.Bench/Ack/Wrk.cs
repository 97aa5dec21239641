using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Bench.Ack;

/// <summary>What one wrk run reported (its own figures, parsed from <c>--latency</c> output).</summary>
internal sealed record WrkResult(
    long Requests, double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx, long SocketErrors, long Sent, long PastTheFile, string Output)
{
    /// <summary>Responses that were 2xx: the ones that must each correspond to a stored request.</summary>
    public long Ok => Requests - Non2xx;

    /// <summary>A run that says nothing about speed: a refusal, a stale signature, a timeout, or a request file too short.</summary>
    public string? Problem =>
        Non2xx > 0 ? $"{Non2xx} non-2xx responses" :
        SocketErrors > 0 ? $"{SocketErrors} socket errors" :
        PastTheFile > 0 ? $"the request file ran out ({PastTheFile} requests past it)" :
        Requests == 0 ? "no request completed" : null;
}

/// <summary>Runs Debian's wrk with the signed-requests script and parses its report.</summary>
internal static partial class Wrk
{
    public const int Threads = 2;

    public static async Task<WrkResult> RunAsync(string script, Uri url, string requestFile, string contentType, int connections, TimeSpan duration)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     $"-t{Threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString(),
                     "--", requestFile, Threads.ToString(CultureInfo.InvariantCulture), contentType,
                 })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited with {process.ExitCode}:\n{output}");
        return Parse(output);
    }

    public static WrkResult Parse(string output)
    {
        long Count(Regex pattern) => pattern.Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

        var requests = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!requests.Success || !rate.Success) throw new InvalidOperationException($"Could not read wrk's report:\n{output}");
        var socket = SocketErrorsLine().Match(output);
        var socketErrors = socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        var sent = SentLine().Match(output);
        return new WrkResult(
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "99"),
            Count(Non2xxLine()),
            socketErrors,
            sent.Success ? long.Parse(sent.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            sent.Success ? long.Parse(sent.Groups[2].Value, CultureInfo.InvariantCulture) : 0,
            output);
    }

    /// <summary>A line of wrk's latency distribution ("  99%   12.34ms"), in milliseconds.</summary>
    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success) throw new InvalidOperationException($"wrk printed no {percent}% latency:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"bench: signed requests sent (\d+), past the file (\d+)")]
    private static partial Regex SentLine();
}
