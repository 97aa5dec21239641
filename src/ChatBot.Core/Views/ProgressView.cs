namespace ChatBot.Core.Views;

/// <summary>The in-place status of a slow run ("⏳ Working · step 2 · reading #customer-feedback").</summary>
public sealed record ProgressView(int Step, string Activity) : ChatView
{
    public override string FallbackText => $"⏳ Working · step {Step} · {Activity}";
}
