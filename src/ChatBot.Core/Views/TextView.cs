namespace ChatBot.Core.Views;

/// <summary>A short plain message: confirmations, explanations, notices.</summary>
public sealed record TextView(string Text) : ChatView
{
    public override string FallbackText => Text;
}
