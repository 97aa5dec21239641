using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Teams;

namespace ChatBot.Teams.Tests.Inbound;

/// <summary>Validated activities become neutral commands and clicks; the inbox's answers go back the Teams way.</summary>
public sealed class ActivityTranslationTests
{
    [Fact]
    public async Task A_mention_with_a_monitor_command_reaches_the_inbox_and_the_reply_goes_through_the_outbox_to_the_connector()
    {
        await using var host = await TeamsHost.StartAsync();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> monitor https://example.com/changelog", id: "1700000000001");

        var response = await TeamsActivities.PostAsync(host.Client, activity, host.GoodToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new CreateMonitorCommand(Cadence.Daily, "https://example.com/changelog"), invocation.Command);
        Assert.Equal(new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, null, host.Connector.ServiceUrl), invocation.Address);
        Assert.Equal(new ChatUser("29:alice", "Alice", "aad-29:alice"), invocation.User);
        Assert.StartsWith("teams-", invocation.DeliveryId);
        var reply = Assert.Single(await host.Connector.WaitForRequestsAsync());
        // In a channel the answer goes into the message's reply chain.
        Assert.Equal(("reply", TeamsActivities.ChannelConversation + ";messageid=1700000000001", "1700000000001"), (reply.Kind, reply.ConversationId, reply.ActivityId));
        Assert.Equal("on it", reply.Body["text"]!.GetValue<string>());
        Assert.Equal("Bearer " + BotConnectorDouble.AccessToken, reply.Authorization);
        var token = Assert.Single(host.Connector.TokenRequests);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal(TeamsHost.AppId, token.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", token.Form["scope"]);
    }

    [Theory]
    [InlineData("/hourly https://example.com/pricing", typeof(CreateMonitorCommand))]
    [InlineData("weekly AI funding news", typeof(CreateMonitorCommand))]
    [InlineData("<at>ChatBot</at> monitors", typeof(ListMonitorsCommand))]
    [InlineData("/help", typeof(HelpCommand))]
    [InlineData("receipts", typeof(ReceiptsCommand))]
    public async Task Commands_work_with_or_without_a_slash(string text, Type expected)
    {
        await using var host = await TeamsHost.StartAsync();

        await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, text), host.GoodToken());

        Assert.IsType(expected, Assert.Single(host.Inbox.Commands).Command);
    }

    [Fact]
    public async Task Free_text_is_an_agent_task_answered_in_the_reply_chain_of_the_message()
    {
        await using var host = await TeamsHost.StartAsync();

        await TeamsActivities.PostAsync(host.Client,
            TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> summarize the feedback", id: "1700000000002"), host.GoodToken());

        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new AgentTaskCommand("summarize the feedback"), invocation.Command);
        Assert.Equal("1700000000002", invocation.Address.ThreadId);
    }

    [Fact]
    public async Task Cancelmonitor_in_a_reply_chain_names_the_chain_root()
    {
        await using var host = await TeamsHost.StartAsync();
        var conversation = TeamsActivities.ChannelConversation + ";messageid=1700000000003";

        await TeamsActivities.PostAsync(host.Client,
            TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> cancelmonitor", conversationId: conversation, id: "1700000000009"), host.GoodToken());

        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.IsType<CancelMonitorCommand>(invocation.Command);
        Assert.Equal(TeamsActivities.ChannelConversation, invocation.Address.ChannelId);
        Assert.Equal("1700000000003", invocation.Address.ThreadId);
        // The confirmation is a reply in that same chain.
        Assert.Equal(conversation, Assert.Single(await host.Connector.WaitForRequestsAsync()).ConversationId);
    }

    [Fact]
    public async Task An_unparseable_command_is_explained_without_bothering_the_inbox()
    {
        await using var host = await TeamsHost.StartAsync();

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "/monitor"), host.GoodToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, host.Inbox.Calls);
        Assert.Contains("Tell me what to watch", Assert.Single(await host.Connector.WaitForRequestsAsync()).Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_approve_click_is_answered_inline_with_the_updated_card()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Inbox.ActionAnswer = new CommandResult(null, Decided("apr_1", ApprovalStatus.Approved, "Bob"));

        var response = await TeamsActivities.PostAsync(host.Client,
            TeamsActivities.CardAction(host.Connector.ServiceUrl, "approve", new JsonObject { ["approvalId"] = "apr_1" }, "card-1"), host.GoodToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(host.Inbox.Actions);
        Assert.Equal((ActionIds.Approve, "apr_1", "card-1", "29:bob"), (action.ActionId, action.Value, action.MessageId, action.User.Id));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Contains("Approved by @Bob", body["value"]!.ToJsonString());
        Assert.Null(body["value"]!["actions"]);
        // The card is the answer itself: nothing is handed to the outbox, so the connector is never asked to update it.
        Assert.Empty(host.Outbox.Sent);
    }

    [Fact]
    public async Task An_activity_is_answered_while_the_connector_still_holds_the_reply()
    {
        await using var host = await TeamsHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Connector.Hold = release.Task;
        try
        {
            var response = await TeamsActivities.PostAsync(host.Client,
                TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> summarize the feedback", id: "1700000000004"), host.GoodToken());

            // The 202 came back although the connector has not answered the reply (it may not even have it yet).
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var reply = Assert.Single(await host.Connector.WaitForRequestsAsync());
            Assert.Equal("on it", reply.Body["text"]!.GetValue<string>());
        }
        finally
        {
            release.TrySetResult();
        }
        await Eventually.HoldsAsync(() => Task.FromResult(host.Outbox.Delivered == 1), what: "the held reply delivered");
        Assert.Empty(host.Outbox.DeliveryFailures);
    }

    [Fact]
    public async Task A_click_refused_by_the_inbox_is_answered_with_its_message()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Inbox.ActionAnswer = CommandResult.Say("Only approvers can decide this request.");

        var response = await TeamsActivities.PostAsync(host.Client,
            TeamsActivities.CardAction(host.Connector.ServiceUrl, "deny", new JsonObject { ["approvalId"] = "apr_2" }, "card-2"), host.GoodToken());

        Assert.Equal(ActionIds.Deny, Assert.Single(host.Inbox.Actions).ActionId);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Only approvers can decide this request.", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_action_submit_fallback_updates_the_card_through_the_outbox()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Inbox.ActionAnswer = new CommandResult(null, Decided("apr_3", ApprovalStatus.Denied, "Bob"));
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "", fromId: "29:bob", fromName: "Bob");
        activity["replyToId"] = "card-3";
        activity["value"] = new JsonObject { ["verb"] = "deny", ["approvalId"] = "apr_3" };

        var response = await TeamsActivities.PostAsync(host.Client, activity, host.GoodToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((ActionIds.Deny, "apr_3"), (Assert.Single(host.Inbox.Actions).ActionId, host.Inbox.Actions.Single().Value));
        Assert.Empty(host.Inbox.Commands);
        var update = Assert.Single(await host.Connector.WaitForRequestsAsync());
        Assert.Equal(("update", "card-3"), (update.Kind, update.ActivityId));
        Assert.Contains("Denied by @Bob", update.Body["attachments"]!.ToJsonString());
    }

    [Fact]
    public async Task A_conversation_update_is_acknowledged()
    {
        await using var host = await TeamsHost.StartAsync();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });

        var response = await TeamsActivities.PostAsync(host.Client, activity, host.GoodToken());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, host.Inbox.Calls);
    }

    private static ApprovalRequestView Decided(string id, ApprovalStatus status, string by) =>
        new(id, "Send email to customer@acme.com", "alice", 30, status, by, DateTimeOffset.UtcNow.AddHours(1));
}
