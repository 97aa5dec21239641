namespace ChatBot.Core.Commands;

public enum ReceiptsAction
{
    Show,
    SetChannelHere,
    SetChannel,
    ClearChannel,
    ToggleTools,
    ToggleCredits,
    ToggleLink,
}
