namespace ChatBot.Core.Receipts;

/// <summary>The receipt header's short age ("30s ago", "2m ago", "3h ago", "2d ago"): chat headers have no room for words.</summary>
public static class CompactRelativeTime
{
    public static string Format(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age switch
        {
            { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s ago",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours}h ago",
            _ => $"{(int)age.TotalDays}d ago",
        };
    }
}
