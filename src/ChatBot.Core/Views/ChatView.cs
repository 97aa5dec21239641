namespace ChatBot.Core.Views;

/// <summary>
/// What the bot wants to show, independent of platform. Each platform's renderer turns a view into Block Kit,
/// an Adaptive Card or playground HTML; <see cref="FallbackText"/> is the plain-text form (notifications, logs).
/// </summary>
public abstract record ChatView
{
    public abstract string FallbackText { get; }
}
