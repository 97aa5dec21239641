using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;

namespace ChatBot.Slack.Tests.Inbound;

public sealed class SlashCommandTests
{
    [Fact]
    public async Task A_signed_monitor_command_reaches_the_inbox_and_is_answered_ephemerally()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Inbox.CommandAnswer = _ => CommandResult.Say("Watching **example.com/pricing** daily. [Manage](https://bot.example/monitors)");

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/monitor", "<https://example.com/pricing>")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new CreateMonitorCommand(Cadence.Daily, "https://example.com/pricing"), invocation.Command);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel), invocation.Address);
        Assert.Equal(new ChatUser(SlackPayloads.User, "ada"), invocation.User);
        Assert.Equal("slack-cmd-123.456.abcdef", invocation.DeliveryId);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Equal("Watching *example.com/pricing* daily. <https://bot.example/monitors|Manage>", body["text"]!.GetValue<string>());
        var section = body["blocks"]![0]!;
        Assert.Equal("section", section["type"]!.GetValue<string>());
        Assert.Equal("mrkdwn", section["text"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/hourly", "AI funding news", Cadence.Hourly)]
    [InlineData("/weekly", "https://example.com/changelog", Cadence.Weekly)]
    public async Task Cadence_commands_map_to_their_cadence(string command, string text, Cadence cadence)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand(command, text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new CreateMonitorCommand(cadence, text), Assert.Single(host.Inbox.Commands).Command);
    }

    [Fact]
    public async Task A_monitor_command_without_a_query_is_explained_without_reaching_the_inbox()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/monitor", "   ")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.StartsWith("Tell me what to watch", body["text"]!.GetValue<string>());
        Assert.Empty(host.Inbox.Commands);
    }

    [Fact]
    public async Task Monitors_list_is_rendered_with_its_buttons_in_the_ephemeral_answer()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Inbox.CommandAnswer = _ => new CommandResult(new MonitorListView([new MonitorListItem("mon_1", "https://example.com", Cadence.Daily, MonitorStatus.Active, null)]));

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/monitors", "")));

        Assert.IsType<ListMonitorsCommand>(Assert.Single(host.Inbox.Commands).Command);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var buttons = body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Equal([ActionIds.PauseMonitor, ActionIds.CancelMonitor], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("mon_1", b!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_command_the_inbox_answers_with_nothing_gets_an_empty_200()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/receipts", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ReceiptsCommand(ReceiptsAction.Show), Assert.Single(host.Inbox.Commands).Command);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
