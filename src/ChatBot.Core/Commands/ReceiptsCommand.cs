namespace ChatBot.Core.Commands;

/// <summary>
/// <c>/receipts</c> admin settings: <c>/receipts</c> (show), <c>/receipts channel here|#channel</c>,
/// <c>/receipts tools|credits|link on|off</c>.
/// </summary>
public sealed record ReceiptsCommand(ReceiptsAction Action, string? ChannelId = null, bool? Enabled = null) : ChatCommand;
