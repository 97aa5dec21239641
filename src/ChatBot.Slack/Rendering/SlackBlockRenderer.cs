using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Renders every neutral view as Block Kit plus a plain fallback. Presentation only: which buttons exist and
/// what they mean comes from the view and <see cref="ActionIds"/>; button values carry the entity id.
/// Slack's limits are respected here (3000 characters per section, 50 blocks per message).
/// </summary>
public sealed class SlackBlockRenderer
{
    public const int MaxSectionLength = 3000;
    public const int MaxBlocks = 50;
    public const int MaxTextLength = 3000;

    /// <summary>Each monitor takes a section and an actions block; this leaves room for the "more" note.</summary>
    public const int MaxListedMonitors = 24;

    public SlackMessage Render(ChatView view)
    {
        var blocks = view switch
        {
            TextView text => Sections(text.Text),
            HelpView help => Help(help),
            ApprovalRequestView approval => Approval(approval),
            MonitorRootView root => MonitorRoot(root),
            MonitorUpdateView update => MonitorUpdate(update),
            MonitorListView list => MonitorList(list),
            ProgressView progress => [Context(SlackMrkdwn.Escape(progress.FallbackText))],
            RunResultView result => Sections(result.Output),
            ReceiptView receipt => Receipt(receipt),
            _ => Sections(view.FallbackText),
        };
        var array = new JsonArray();
        foreach (var block in blocks.Take(MaxBlocks)) array.Add(block);
        return new SlackMessage(Truncate(SlackMrkdwn.FromMarkdown(view.FallbackText), MaxTextLength), array);
    }

    private static List<JsonObject> Help(HelpView help)
    {
        var blocks = new List<JsonObject>();
        if (help.Preamble is { } preamble) blocks.Add(Section(SlackMrkdwn.FromMarkdown(preamble)));
        var lines = help.Entries.Select(e => $"`{SlackMrkdwn.Escape(e.Usage)}` — {SlackMrkdwn.Escape(e.Description)}");
        blocks.Add(Section(Truncate(string.Join("\n", lines), MaxSectionLength)));
        return blocks;
    }

    private static List<JsonObject> Approval(ApprovalRequestView view)
    {
        var blocks = new List<JsonObject>
        {
            Section($"*{SlackMrkdwn.Escape(view.HeaderText)}*\n{Truncate(SlackMrkdwn.FromMarkdown(view.ActionText), MaxSectionLength - 40)}"),
        };
        foreach (var field in view.Fields)
        {
            var value = SlackMrkdwn.Escape(field.Value);
            blocks.Add(Section(Truncate(field.IsCode ? $"*{field.Label}*\n```{value}```" : $"*{field.Label}:* {value}", MaxSectionLength)));
        }
        if (view.FieldsTruncated && view.DetailsUrl is { } url)
            blocks.Add(Context($"Shortened to fit here: {SlackMrkdwn.Link(url, "the full action is on the run's page")}"));
        var requested = $"Requested by @{SlackMrkdwn.Escape(view.RequestedBy)} · {view.CreditsText}";
        if (!view.IsOpen)
        {
            blocks.Add(Context(requested));
            return blocks;
        }
        blocks.Add(Context($"{requested} · expires {SlackDate(view.ExpiresAt)}"));
        blocks.Add(Actions(
            $"approval:{view.ApprovalId}",
            Button("Approve", ActionIds.Approve, view.ApprovalId, "primary"),
            Button("Deny", ActionIds.Deny, view.ApprovalId, "danger")));
        return blocks;
    }

    private static List<JsonObject> MonitorRoot(MonitorRootView view) =>
    [
        Section($"*Monitoring* {SlackMrkdwn.Escape(view.Query)}"),
        Context($"{view.Kind.ToString().ToLowerInvariant()} · {CadenceRules.Describe(view.Cadence)} · reply `cancelmonitor` in this thread to stop"),
    ];

    private static List<JsonObject> MonitorUpdate(MonitorUpdateView view)
    {
        var blocks = Sections(view.Summary);
        var notes = new List<string>();
        if (view.EventDate is { } date) notes.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (view.SourceUrls.Count > 0) notes.Add("Sources: " + string.Join(", ", view.SourceUrls.Select(u => SlackMrkdwn.Link(u, HostOf(u)))));
        if (notes.Count > 0) blocks.Add(Context(Truncate(string.Join(" · ", notes), MaxSectionLength)));
        return blocks;
    }

    private static List<JsonObject> MonitorList(MonitorListView view)
    {
        if (view.Items.Count == 0) return Sections(view.FallbackText);
        var blocks = new List<JsonObject>();
        foreach (var item in view.Items.Take(MaxListedMonitors))
        {
            var lastRun = item.LastRunAt is { } at ? $"last checked {SlackDate(at)}" : "not checked yet";
            blocks.Add(Section(
                $"*{Truncate(SlackMrkdwn.Escape(item.Query), 500)}*\n" +
                $"{CadenceRules.Describe(item.Cadence)} · {item.Status.ToString().ToLowerInvariant()} · {lastRun}"));
            var toggle = item.Status == MonitorStatus.Paused
                ? Button("Resume", ActionIds.ResumeMonitor, item.MonitorId, "primary")
                : Button("Pause", ActionIds.PauseMonitor, item.MonitorId, null);
            blocks.Add(Actions($"monitor:{item.MonitorId}", toggle, Button("Cancel", ActionIds.CancelMonitor, item.MonitorId, "danger")));
        }
        if (view.Items.Count > MaxListedMonitors)
            blocks.Add(Context($"…and {view.Items.Count - MaxListedMonitors} more not shown."));
        return blocks;
    }

    private static List<JsonObject> Receipt(ReceiptView view)
    {
        var blocks = new List<JsonObject> { Section(Truncate(SlackMrkdwn.FromMarkdown(view.Title), MaxSectionLength)) };
        if (view.Details.Count > 0)
        {
            var details = view.Details.Select(d => d.Url is { } url ? SlackMrkdwn.Link(url, d.Text) : SlackMrkdwn.Literal(d.Text));
            blocks.Add(Context(Truncate(string.Join(ReceiptView.Separator, details), MaxSectionLength)));
        }
        return blocks;
    }

    /// <summary>Long text becomes several sections, split at line breaks where possible.</summary>
    private static List<JsonObject> Sections(string markdown)
    {
        var text = SlackMrkdwn.FromMarkdown(markdown);
        if (text.Length == 0) text = " ";
        var blocks = new List<JsonObject>();
        while (text.Length > 0 && blocks.Count < MaxBlocks)
        {
            var take = Math.Min(MaxSectionLength, text.Length);
            if (take < text.Length)
            {
                var newline = text.LastIndexOf('\n', take - 1, take);
                if (newline > take / 2) take = newline + 1;
                else if (text.LastIndexOf('&', take - 1, Math.Min(take, 6)) is var amp and >= 0) take = amp; // never cut an entity in half
            }
            blocks.Add(Section(text[..take]));
            text = text[take..];
        }
        return blocks;
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }),
    };

    private static JsonObject Actions(string blockId, params JsonObject[] buttons) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray(buttons.Cast<JsonNode>().ToArray()),
    };

    private static JsonObject Button(string label, string actionId, string value, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (style is not null) button["style"] = style;
        return button;
    }

    /// <summary>Slack shows the date in each reader's own time zone; the fallback is UTC.</summary>
    private static string SlackDate(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC>";

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
