using System.Text.RegularExpressions;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;

namespace ChatBot.Core.Commands;

/// <summary>
/// The one command-text parser for every platform. Slack slash commands arrive as a command name plus text
/// (<see cref="ParseSlash"/>); mentions, DMs, Teams and playground messages arrive as free text
/// (<see cref="ParseMessage"/>), where a leading bot mention and an optional '/' are stripped first. Text arrives
/// plain: adapters turn their platform's link and channel markup into URLs and <see cref="ChannelMention"/>s first.
/// Never throws: anything unparseable becomes help or a friendly error.
/// </summary>
public static partial class CommandParser
{
    public const string CancelMonitorKeyword = "cancelmonitor";

    private const string ReceiptsUsage =
        "Usage: `/receipts status` (or just `/receipts`) to show the settings, `/receipts here` or `/receipts channel #channel` to set the default receipt channel, " +
        "`/receipts off` to clear it, " +
        "`/receipts tools on|off`, `/receipts credits on|off`, `/receipts link on|off`.";

    private const int MaxQueryLength = 2000;

    public static CommandParseResult ParseSlash(string? command, string? text)
    {
        var name = (command ?? "").Trim().TrimStart('/').ToLowerInvariant();
        var argument = Normalize(text);
        return name switch
        {
            "monitor" or "daily" => CreateMonitor(name, Cadence.Daily, argument),
            "hourly" => CreateMonitor(name, Cadence.Hourly, argument),
            "weekly" => CreateMonitor(name, Cadence.Weekly, argument),
            "monitors" => CommandParseResult.Ok(new ListMonitorsCommand()),
            "help" => CommandParseResult.Ok(new HelpCommand()),
            "receipts" => ParseReceipts(argument),
            _ => CommandParseResult.Ok(new HelpCommand(string.IsNullOrEmpty(name) ? null : "/" + name)),
        };
    }

    public static CommandParseResult ParseMessage(string? text)
    {
        var body = StripMentions(Normalize(text));
        if (body.Length == 0) return CommandParseResult.Ok(new HelpCommand());
        if (string.Equals(body, CancelMonitorKeyword, StringComparison.OrdinalIgnoreCase))
            return CommandParseResult.Ok(new CancelMonitorCommand());

        var hasSlash = body.StartsWith('/');
        var withoutSlash = hasSlash ? body[1..] : body;
        var space = withoutSlash.IndexOfAny([' ', '\t', '\n']);
        var keyword = (space < 0 ? withoutSlash : withoutSlash[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : withoutSlash[(space + 1)..];

        switch (keyword)
        {
            case "monitor" or "hourly" or "weekly" or "receipts":
                return ParseSlash(keyword, rest);
            // Plain words that also start ordinary sentences only count as commands when alone.
            case "monitors" or "help" when rest.Trim().Length == 0:
                return ParseSlash(keyword, rest);
        }

        if (hasSlash) return CommandParseResult.Ok(new HelpCommand("/" + keyword));
        return CommandParseResult.Ok(new AgentTaskCommand(body));
    }

    private static CommandParseResult CreateMonitor(string name, Cadence cadence, string query)
    {
        var cleaned = query.Trim();
        // The usage of the command the person typed: "/hourly" with nothing after it is answered with /hourly.
        if (cleaned.Length == 0)
            return CommandParseResult.Fail(
                $"Tell me what to watch: `/{name} <url or topic>`, for example `/{name} https://example.com/pricing` or `/{name} AI funding news`.");
        if (cleaned.Length > MaxQueryLength)
            return CommandParseResult.Fail($"That query is {cleaned.Length} characters long; keep it under {MaxQueryLength}.");
        return CommandParseResult.Ok(new CreateMonitorCommand(cadence, cleaned));
    }

    private static CommandParseResult ParseReceipts(string argument)
    {
        var words = argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return CommandParseResult.Ok(new ReceiptsCommand(ReceiptsAction.Show));

        var verb = words[0].ToLowerInvariant();
        // The short forms are the Slack manifest's usage hint: [here | off | status].
        if (words.Length == 1 && verb switch
            {
                "status" or "show" => ReceiptsAction.Show,
                "here" => ReceiptsAction.SetChannelHere,
                "off" or "none" => ReceiptsAction.ClearChannel,
                _ => (ReceiptsAction?)null,
            } is { } shortForm)
            return CommandParseResult.Ok(new ReceiptsCommand(shortForm));

        if (verb == "channel" && words.Length == 2)
        {
            if (words[1].Equals("here", StringComparison.OrdinalIgnoreCase))
                return CommandParseResult.Ok(new ReceiptsCommand(ReceiptsAction.SetChannelHere));
            if (words[1].ToLowerInvariant() is "off" or "none")
                return CommandParseResult.Ok(new ReceiptsCommand(ReceiptsAction.ClearChannel));
            var channel = ChannelReference(words[1]);
            return channel is null
                ? CommandParseResult.Fail($"I couldn't read `{words[1]}` as a channel. {ReceiptsUsage}")
                : CommandParseResult.Ok(new ReceiptsCommand(ReceiptsAction.SetChannel, ChannelId: channel));
        }

        ReceiptsAction? toggle = verb switch
        {
            "tools" => ReceiptsAction.ToggleTools,
            "credits" => ReceiptsAction.ToggleCredits,
            "link" => ReceiptsAction.ToggleLink,
            _ => null,
        };
        if (toggle is { } action && words.Length == 2 && OnOff(words[1]) is { } enabled)
            return CommandParseResult.Ok(new ReceiptsCommand(action, Enabled: enabled));

        return CommandParseResult.Fail(ReceiptsUsage);
    }

    private static bool? OnOff(string word) => word.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" or "show" => true,
        "off" or "false" or "no" or "hide" => false,
        _ => null,
    };

    /// <summary>A channel the adapter recognised (a neutral <see cref="ChannelMention"/>); people may also type a bare id.</summary>
    private static string? ChannelReference(string word)
    {
        var match = ChannelMention.Pattern().Match(word);
        if (match.Success && match.Length == word.Length) return Uri.UnescapeDataString(match.Groups["id"].Value);
        if (BareChannelIdPattern().IsMatch(word)) return word;
        return null;
    }

    private static string Normalize(string? text) =>
        (text ?? "").Replace('\u00a0', ' ').Replace("\r", "").Trim();

    private static string StripMentions(string text)
    {
        var previous = "";
        var current = text;
        // Leading mentions only: "@bot @bot2 do x" → "do x"; mentions later in the text are part of the task.
        while (current != previous)
        {
            previous = current;
            current = LeadingMentionPattern().Replace(current, "").TrimStart();
        }
        return current.Trim();
    }

    [GeneratedRegex(@"^(<@[A-Za-z0-9_.\-]+(\|[^>]*)?>|<at>[^<]*</at>)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMentionPattern();

    [GeneratedRegex(@"^[CGD][A-Z0-9]{6,}$")]
    private static partial Regex BareChannelIdPattern();
}
