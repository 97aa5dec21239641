namespace ChatBot.Core.Views;

/// <summary>A run's answer, posted where it was asked for (replacing the progress message when there is one).</summary>
public sealed record RunResultView(string RunId, string Output) : ChatView
{
    public override string FallbackText => Output;
}
