using System.Globalization;
using System.Text;
using ChatBot.Testing.Slack;

namespace ChatBot.Bench.Ack;

/// <summary>
/// The requests wrk sends (bench/ack/signed-commands.lua), signed here because wrk's Lua has no HMAC: one line
/// per request, <c>timestamp TAB signature TAB form body</c>, every body a <c>/monitor</c> with its own trigger_id.
/// Written right before each wrk run, because Slack's signatures go stale after five minutes.
/// </summary>
internal static class SignedCommandFile
{
    /// <param name="triggerPrefix">Makes every trigger_id of this file unique across the run (warm-up vs measured, ours vs Bolt).</param>
    /// <param name="monitorUrl">The page each /monitor watches: a loopback page, so the background checks stay on this machine.</param>
    public static string Write(string directory, string triggerPrefix, int count, string signingSecret, string monitorUrl, string responseUrlBase)
    {
        var path = Path.Combine(directory, triggerPrefix + ".tsv");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            var trigger = $"{triggerPrefix}-{i}";
            // The fields Slack sends for a slash command, in its order.
            var body = string.Join('&',
                "token=bench-verification-token",
                "team_id=T0BENCH",
                "team_domain=bench",
                "channel_id=C0BENCH",
                "channel_name=bench",
                "user_id=U0BENCHUSER",
                "user_name=bench",
                "command=" + Uri.EscapeDataString("/monitor"),
                // A distinct query each: the same query twice in a channel answers with the existing monitor.
                "text=" + Uri.EscapeDataString($"{monitorUrl}?n={i}"),
                "api_app_id=A0BENCH",
                "is_enterprise_install=false",
                "response_url=" + Uri.EscapeDataString(responseUrlBase + trigger),
                "trigger_id=" + Uri.EscapeDataString(trigger));
            writer.Write(stamp);
            writer.Write('\t');
            writer.Write(SlackRequestSigner.Signature(signingSecret, timestamp, Encoding.UTF8.GetBytes(body)));
            writer.Write('\t');
            writer.WriteLine(body);
        }
        return path;
    }

    /// <summary>The delivery id the server records for a trigger_id (SlashCommandEndpoint).</summary>
    public static string DeliveryIdPattern(string triggerPrefix) => $"slack-cmd-{triggerPrefix}-%";
}
