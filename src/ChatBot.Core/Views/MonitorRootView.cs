using ChatBot.Core.Monitors;

namespace ChatBot.Core.Views;

/// <summary>The channel message a monitor's updates thread under.</summary>
public sealed record MonitorRootView(string MonitorId, string Query, Cadence Cadence, MonitorKind Kind) : ChatView
{
    public override string FallbackText =>
        $"Monitoring {Query} · {CadenceRules.Describe(Cadence)} · reply `cancelmonitor` in this thread to stop";
}
