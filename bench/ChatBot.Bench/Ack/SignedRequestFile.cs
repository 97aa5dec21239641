using System.Globalization;
using System.Text;
using ChatBot.Testing.Slack;

namespace ChatBot.Bench.Ack;

/// <summary>
/// The requests wrk sends (bench/ack/signed-requests.lua), signed here because wrk's Lua has no HMAC: one line
/// per request, <c>timestamp TAB signature TAB body</c>, every body new work (<see cref="AckRequests.Body"/>).
/// Written right before each wrk run, because Slack's signatures go stale after five minutes.
/// </summary>
internal static class SignedRequestFile
{
    /// <param name="prefix">Makes every id of this file unique across the run (warm-up vs measured, ours vs Bolt).</param>
    public static string Write(string directory, string prefix, int count, string signingSecret, AckRequests requests)
    {
        var path = Path.Combine(directory, prefix + ".tsv");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            var body = requests.Body(prefix, i);
            writer.Write(stamp);
            writer.Write('\t');
            writer.Write(SlackRequestSigner.Signature(signingSecret, timestamp, Encoding.UTF8.GetBytes(body)));
            writer.Write('\t');
            writer.WriteLine(body);
        }
        return path;
    }
}
