namespace ChatBot.Bench.Ack;

/// <summary>
/// Slash commands: <c>/monitor &lt;page&gt;</c> to <c>/slack/commands</c>, each with its own trigger_id and its own
/// query (the same query twice in a channel answers with the existing monitor), so each stores a new monitor.
/// </summary>
internal sealed class SlashCommandRequests(LoopbackPage page, string responseUrlBase)
    : AckRequests("slash command `/monitor`", "/slack/commands", Form, "the command and its new monitor stored before the 200")
{
    public override string Body(string prefix, int i)
    {
        var trigger = $"{prefix}-{i}";
        // The fields Slack sends for a slash command, in its order.
        return string.Join('&',
            "token=bench-verification-token",
            "team_id=T0BENCH",
            "team_domain=bench",
            "channel_id=C0BENCH",
            "channel_name=bench",
            "user_id=U0BENCHUSER",
            "user_name=bench",
            "command=" + Uri.EscapeDataString("/monitor"),
            "text=" + Uri.EscapeDataString(Query(prefix, i)),
            "api_app_id=A0BENCH",
            "is_enterprise_install=false",
            "response_url=" + Uri.EscapeDataString(responseUrlBase + trigger),
            "trigger_id=" + Uri.EscapeDataString(trigger));
    }

    /// <summary>A page on loopback, so the first check each new monitor makes stays on this machine.</summary>
    private string Query(string prefix, int i) => $"{page.UrlFor(prefix)}?n={i}";

    public override async Task<StoredCheck> CheckAsync(string database, string prefix) => new(
        // The delivery id SlashCommandHandler records for a trigger_id.
        await DeliveriesAsync(database, $"slack-cmd-{prefix}-%"),
        await BenchPostgres.CountAsync(database, "SELECT count(*) FROM monitors WHERE \"Query\" LIKE @p", page.UrlFor(prefix) + "?n=%"),
        "monitors");
}
