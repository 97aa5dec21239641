namespace ChatBot.Core.Commands;

public enum ReceiptsAction
{
    Show,
    SetChannelHere,
    SetChannel,
    ToggleTools,
    ToggleCredits,
    ToggleLink,
}
