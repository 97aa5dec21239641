using ChatBot.Core.Views;

namespace ChatBot.Core.Commands;

/// <summary>What <c>/help</c> lists; also the answer to a command nobody knows.</summary>
public static class HelpCatalog
{
    public static readonly IReadOnlyList<HelpEntry> Entries =
    [
        new("/monitor <query>", "Watch a page, a feed or a topic and post changes in a thread, daily."),
        new("/hourly <query>", "The same, checked every hour."),
        new("/weekly <query>", "The same, checked once a week."),
        new("/monitors", "List this channel's monitors, with Pause and Cancel buttons."),
        new("cancelmonitor", "Reply this in a monitor's thread to stop it."),
        new("@ChatBot <task>", "Ask the agent to do something (\"summarize last 24h of #customer-feedback\"); a DM works too."),
        new("/receipts", "Show where run receipts go and what they include (admins: /receipts here|off, /receipts channel #name, /receipts tools|credits|link on|off)."),
        new("/help", "This list."),
    ];

    public static HelpView View(string? unknownCommand = null) => new(
        Entries,
        unknownCommand is null ? null : $"I don't know the command `{unknownCommand}`. Here is what I can do:");
}
