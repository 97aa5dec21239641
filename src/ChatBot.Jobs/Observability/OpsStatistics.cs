namespace ChatBot.Jobs.Observability;

/// <summary>Counts over the whole cluster's data, as the dashboard and the metrics show them.</summary>
public sealed record OpsStatistics(
    IReadOnlyDictionary<string, long> RunsByState,
    IReadOnlyDictionary<string, long> MonitorsByState,
    long PendingApprovals,
    IReadOnlyDictionary<string, long> ReceiptsByDelivery,
    IReadOnlyDictionary<string, long> MonitorRunsByOutcome,
    long CreditsTotal,
    IReadOnlyDictionary<string, long> CreditsByWindow,
    IReadOnlyDictionary<string, long> CreditsByWorkspace)
{
    public static readonly OpsStatistics Empty = new(
        new Dictionary<string, long>(), new Dictionary<string, long>(), 0, new Dictionary<string, long>(),
        new Dictionary<string, long>(), 0, new Dictionary<string, long>(), new Dictionary<string, long>());
}
