using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Teams.Activities;

namespace ChatBot.Teams.Rendering;

/// <summary>
/// Renders neutral views for Teams: short texts as markdown messages, everything else as an Adaptive Card 1.5.
/// Buttons are Action.Execute (Universal Actions), so a click arrives as an <c>adaptiveCard/action</c> invoke
/// and the answer replaces the card in place. Pure: no I/O, no decisions.
/// </summary>
public static class TeamsCardRenderer
{
    public const string CardVersion = "1.5";

    public static Activity Render(ChatView view) => view switch
    {
        TextView text => new Activity { Type = Activity.Message, Text = WithChannelNames(text.Text), TextFormat = "markdown" },
        _ => new Activity
        {
            Type = Activity.Message,
            Summary = WithChannelNames(view.FallbackText),
            Attachments = [new Attachment(Attachment.AdaptiveCardType, Card(view))],
        },
    };

    /// <summary>The view as an Adaptive Card (text views too, for invoke answers that must be cards).</summary>
    public static JsonObject Card(ChatView view) => view switch
    {
        ApprovalRequestView approval => ApprovalCard(approval),
        ReceiptView receipt => NewCard(ReceiptBody(receipt)),
        MonitorRootView root => NewCard(
            Text($"**Monitoring** {root.Query}", wrap: true),
            Text($"{CadenceRules.Describe(root.Cadence)} · {root.Kind.ToString().ToLowerInvariant()} · reply `cancelmonitor` in this thread to stop", subtle: true)),
        MonitorUpdateView update => NewCard(UpdateBody(update)),
        MonitorListView list => MonitorListCard(list),
        HelpView help => NewCard(HelpBody(help)),
        ProgressView progress => NewCard(Text(progress.FallbackText, subtle: true)),
        RunResultView result => NewCard(Text(result.Output, wrap: true)),
        TextView text => NewCard(Text(text.Text, wrap: true)),
        _ => NewCard(Text(view.FallbackText, wrap: true)),
    };

    private static JsonObject ApprovalCard(ApprovalRequestView view)
    {
        var body = new List<JsonNode>
        {
            Text($"**{view.HeaderText}**", wrap: true),
            Text(view.ActionText, wrap: true),
        };
        foreach (var field in view.Fields)
        {
            body.Add(Text($"**{field.Label}**", subtle: true));
            body.Add(field.IsCode ? CodeBlock(field.Value) : Text(field.Value, wrap: true));
        }
        if (view.FieldsTruncated && view.DetailsUrl is { } url)
            body.Add(Text($"Shortened to fit here: [the full action is on the run's page]({url})", wrap: true, subtle: true));
        var facts = new JsonArray(Fact("Requested by", "@" + view.RequestedBy), Fact("Estimated cost", view.CreditsText));
        if (view.IsOpen) facts.Add(Fact("Expires", view.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        var card = NewCard([.. body]);
        if (view.IsOpen)
        {
            card["actions"] = new JsonArray(
                Execute("Approve", CardVerbs.Approve, new JsonObject { ["approvalId"] = view.ApprovalId }, "positive"),
                Execute("Deny", CardVerbs.Deny, new JsonObject { ["approvalId"] = view.ApprovalId }, "destructive"));
            // Universal Actions refresh: clients ask for the current state, so a decision made elsewhere shows up.
            card["refresh"] = new JsonObject
            {
                ["action"] = Execute(null, CardVerbs.Refresh, new JsonObject { ["approvalId"] = view.ApprovalId }, null),
                ["userIds"] = new JsonArray(),
            };
        }
        return card;
    }

    /// <summary>Verbatim text (a request body, JSON arguments) in a monospace block, as Adaptive Cards 1.5 allow.</summary>
    private static JsonObject CodeBlock(string text) => new()
    {
        ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["fontType"] = "Monospace",
    };

    private static JsonNode[] ReceiptBody(ReceiptView receipt)
    {
        // Two lines, as the seed: Teams draws the message header (the bot's name and the post's time) itself.
        var body = new List<JsonNode> { Text(receipt.Title, wrap: true, weight: "Bolder") };
        if (receipt.Details.Count > 0)
            body.Add(Text(string.Join(ReceiptView.Separator, receipt.Details.Select(d => d.Url is null ? d.Text : $"[{d.Text}]({d.Url})")), wrap: true, subtle: true));
        return [.. body];
    }

    private static JsonNode[] UpdateBody(MonitorUpdateView update)
    {
        var body = new List<JsonNode> { Text(update.Summary, wrap: true) };
        if (update.EventDate is { } date) body.Add(Text(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subtle: true));
        if (update.SourceUrls.Count > 0)
            body.Add(Text("Sources: " + string.Join(", ", update.SourceUrls.Select(u => $"[{u}]({u})")), wrap: true, subtle: true));
        return [.. body];
    }

    private static JsonNode[] HelpBody(HelpView help)
    {
        var body = new List<JsonNode>();
        if (help.Preamble is { } preamble) body.Add(Text(preamble, wrap: true));
        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. help.Entries.Select(e => Fact(e.Usage, e.Description))]),
        });
        return [.. body];
    }

    private static JsonObject MonitorListCard(MonitorListView list)
    {
        if (list.Items.Count == 0) return NewCard(Text(list.FallbackText, wrap: true));
        var body = new List<JsonNode> { Text("**Monitors in this channel**") };
        foreach (var item in list.Items)
        {
            var toggle = item.Status == MonitorStatus.Paused
                ? Execute("Resume", ChatBot.Core.Inbound.ActionIds.ResumeMonitor, new JsonObject { ["monitorId"] = item.MonitorId }, null)
                : Execute("Pause", ChatBot.Core.Inbound.ActionIds.PauseMonitor, new JsonObject { ["monitorId"] = item.MonitorId }, null);
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray(
                    Text(item.Query, wrap: true, weight: "Bolder"),
                    Text($"{CadenceRules.Describe(item.Cadence)} · {item.Status.ToString().ToLowerInvariant()}", subtle: true),
                    new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray(toggle,
                            Execute("Cancel", ChatBot.Core.Inbound.ActionIds.CancelMonitor, new JsonObject { ["monitorId"] = item.MonitorId }, "destructive")),
                    }),
            });
        }
        return NewCard([.. body]);
    }

    private static JsonObject NewCard(params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = CardVersion,
        ["body"] = new JsonArray(body),
    };

    private static JsonObject Text(string text, bool wrap = true, bool subtle = false, string? weight = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = WithChannelNames(text), ["wrap"] = wrap };
        if (subtle) block["isSubtle"] = true;
        if (weight is not null) block["weight"] = weight;
        return block;
    }

    /// <summary>Channel mentions as their names: Teams has no link form a bot can write for a channel it only knows by id.</summary>
    private static string WithChannelNames(string text) => ChannelMention.Render(text, (_, label) => label);

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Execute(string? title, string verb, JsonObject data, string? style)
    {
        // The verb is repeated in data so clients that fall back to Action.Submit still tell us what was clicked.
        data["verb"] = verb;
        var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data };
        if (title is not null) action["title"] = title;
        if (style is not null) action["style"] = style;
        return action;
    }
}
