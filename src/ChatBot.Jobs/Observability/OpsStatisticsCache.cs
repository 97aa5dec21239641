namespace ChatBot.Jobs.Observability;

/// <summary>
/// The latest <see cref="OpsStatistics"/>, refreshed in the background: metric callbacks are synchronous and
/// must not query the database on the scrape path.
/// </summary>
public sealed class OpsStatisticsCache
{
    private volatile OpsStatistics _current = OpsStatistics.Empty;

    public OpsStatistics Current => _current;

    public void Update(OpsStatistics statistics) => _current = statistics;
}
