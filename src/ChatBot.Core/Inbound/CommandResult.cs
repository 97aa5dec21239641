using ChatBot.Core.Views;

namespace ChatBot.Core.Inbound;

/// <summary>
/// What the adapter answers inside the request: an ephemeral reply to the user (the usual case), and for
/// button clicks optionally a new rendering of the clicked message.
/// </summary>
public sealed record CommandResult(ChatView? Reply, ChatView? ReplaceOriginal = null)
{
    public static readonly CommandResult Nothing = new(Reply: null);

    public static CommandResult Say(string text) => new(new TextView(text));
}
