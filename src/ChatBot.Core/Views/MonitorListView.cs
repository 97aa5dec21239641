using ChatBot.Core.Monitors;

namespace ChatBot.Core.Views;

/// <summary>The channel's monitors, each with Pause/Resume and Cancel buttons.</summary>
public sealed record MonitorListView(IReadOnlyList<MonitorListItem> Items) : ChatView
{
    public override string FallbackText => Items.Count == 0
        ? "No monitors in this channel yet. Start one with `/monitor <url or topic>`."
        : string.Join("\n", Items.Select(i => $"• {i.Query} · {CadenceRules.Describe(i.Cadence)} · {i.Status.ToString().ToLowerInvariant()}"));
}
