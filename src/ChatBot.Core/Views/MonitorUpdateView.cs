namespace ChatBot.Core.Views;

/// <summary>A detected change posted in the monitor's thread.</summary>
public sealed record MonitorUpdateView(string MonitorId, string Summary, IReadOnlyList<string> SourceUrls, DateOnly? EventDate) : ChatView
{
    public override string FallbackText =>
        SourceUrls.Count == 0 ? Summary : $"{Summary}\nSources: {string.Join(", ", SourceUrls)}";
}
