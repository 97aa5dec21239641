using ChatBot.Core.Commands;
using ChatBot.Core.Monitors;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("/monitor", "https://example.com/pricing", Cadence.Daily, "https://example.com/pricing")]
    [InlineData("/hourly", "  AI funding news ", Cadence.Hourly, "AI funding news")]
    [InlineData("/weekly", " https://example.com/feed.xml ", Cadence.Weekly, "https://example.com/feed.xml")]
    [InlineData("monitor", "x", Cadence.Daily, "x")]
    public void Slash_monitor_commands_carry_cadence_and_query(string command, string text, Cadence cadence, string query)
    {
        var result = CommandParser.ParseSlash(command, text);
        Assert.Equal(new CreateMonitorCommand(cadence, query), result.Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_monitor_query_explains_how_to_fix_it(string? text)
    {
        var result = CommandParser.ParseSlash("/monitor", text);
        Assert.False(result.IsSuccess);
        Assert.Contains("/monitor https://", result.Error);
    }

    [Theory]
    [InlineData("/hourly", "hourly")]
    [InlineData("/weekly", "weekly")]
    [InlineData("/monitor", "monitor")]
    public void A_monitor_command_without_a_query_shows_its_own_usage(string command, string name)
    {
        var slash = CommandParser.ParseSlash(command, "");
        var typed = CommandParser.ParseMessage(command);

        Assert.StartsWith($"Tell me what to watch: `/{name} <url or topic>`", slash.Error);
        Assert.Equal(slash.Error, typed.Error);
        if (name != "monitor") Assert.DoesNotContain("/monitor", slash.Error);
    }

    [Fact]
    public void Overlong_query_is_refused_with_the_limit()
    {
        var result = CommandParser.ParseSlash("/monitor", new string('a', 2001));
        Assert.Contains("2000", result.Error);
    }

    [Theory]
    [InlineData("<@U0BOT> summarize last 24h of #customer-feedback", "summarize last 24h of #customer-feedback")]
    [InlineData("<at>ChatBot</at> what changed?", "what changed?")]
    [InlineData("<@U0BOT|bot> <@U0BOT> hi there", "hi there")]
    [InlineData("ask <@U123> about it", "ask <@U123> about it")]
    [InlineData("help me write a summary", "help me write a summary")]
    [InlineData("monitors are great, list three", "monitors are great, list three")]
    public void Free_text_becomes_an_agent_task_without_the_leading_mention(string text, string task)
    {
        Assert.Equal(new AgentTaskCommand(task), CommandParser.ParseMessage(text).Command);
    }

    [Theory]
    [InlineData("<at>ChatBot</at> monitor https://example.com", Cadence.Daily)]
    [InlineData("/hourly https://example.com", Cadence.Hourly)]
    [InlineData("WEEKLY https://example.com", Cadence.Weekly)]
    public void Messages_reach_the_same_commands_as_slash_commands(string text, Cadence cadence)
    {
        Assert.Equal(new CreateMonitorCommand(cadence, "https://example.com"), CommandParser.ParseMessage(text).Command);
    }

    [Theory]
    [InlineData("cancelmonitor")]
    [InlineData("  CancelMonitor ")]
    [InlineData("<@U0BOT> cancelmonitor")]
    public void Cancelmonitor_is_recognised(string text) =>
        Assert.IsType<CancelMonitorCommand>(CommandParser.ParseMessage(text).Command);

    [Theory]
    [InlineData("help")]
    [InlineData("/help")]
    [InlineData("")]
    [InlineData("<@U0BOT>")]
    public void Help_and_empty_mentions_show_help(string text) =>
        Assert.Equal(new HelpCommand(), CommandParser.ParseMessage(text).Command);

    [Fact]
    public void Unknown_slash_word_gets_help_naming_it()
    {
        Assert.Equal(new HelpCommand("/frobnicate"), CommandParser.ParseMessage("/frobnicate now").Command);
        Assert.Equal(new HelpCommand("/frobnicate"), CommandParser.ParseSlash("/frobnicate", "").Command);
    }

    [Theory]
    [InlineData("", ReceiptsAction.Show, null, null)]
    [InlineData("channel here", ReceiptsAction.SetChannelHere, null, null)]
    [InlineData("here", ReceiptsAction.SetChannelHere, null, null)]
    [InlineData("off", ReceiptsAction.ClearChannel, null, null)]
    [InlineData("status", ReceiptsAction.Show, null, null)]
    [InlineData("STATUS", ReceiptsAction.Show, null, null)]
    [InlineData("channel off", ReceiptsAction.ClearChannel, null, null)]
    [InlineData("channel [#general](chat-channel:C0123456)", ReceiptsAction.SetChannel, "C0123456", null)]
    [InlineData("channel C0999999", ReceiptsAction.SetChannel, "C0999999", null)]
    [InlineData("tools off", ReceiptsAction.ToggleTools, null, false)]
    [InlineData("credits on", ReceiptsAction.ToggleCredits, null, true)]
    [InlineData("link hide", ReceiptsAction.ToggleLink, null, false)]
    public void Receipts_arguments(string text, ReceiptsAction action, string? channel, bool? enabled)
    {
        Assert.Equal(new ReceiptsCommand(action, channel, enabled), CommandParser.ParseSlash("/receipts", text).Command);
    }

    [Theory]
    [InlineData("channel #nowhere")]
    [InlineData("tools maybe")]
    [InlineData("colour blue")]
    public void Bad_receipts_arguments_show_usage(string text)
    {
        var result = CommandParser.ParseSlash("/receipts", text);
        Assert.False(result.IsSuccess);
        Assert.Contains("Usage:", result.Error);
    }

    [Fact]
    public void Help_catalog_lists_every_command_and_names_an_unknown_one()
    {
        var view = HelpCatalog.View("/frobnicate");
        foreach (var usage in new[] { "/monitor", "/hourly", "/weekly", "/monitors", "cancelmonitor", "/receipts", "/help" })
            Assert.Contains(view.Entries, e => e.Usage.StartsWith(usage, StringComparison.Ordinal));
        Assert.Contains("/frobnicate", view.Preamble);
        Assert.Null(HelpCatalog.View().Preamble);
    }
}
