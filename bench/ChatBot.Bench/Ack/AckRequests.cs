namespace ChatBot.Bench.Ack;

/// <summary>
/// One kind of Slack request the ack benchmark measures (a row of its table): where it goes, its signed bodies,
/// what our server must have stored for each 2xx, and any rows the requests act on, seeded before the warm-up.
/// </summary>
/// <param name="name">The row's name in the results, e.g. "slash command <c>/monitor</c>".</param>
/// <param name="path">Our route and the Bolt peer's for it (the same path on both).</param>
/// <param name="oursStores">What our server does before its 200, as the results file says it.</param>
internal abstract class AckRequests(string name, string path, string contentType, string oursStores)
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string Json = "application/json";

    public string Name => name;
    public string Path => path;
    public string ContentType => contentType;
    public string OursStores => oursStores;

    /// <summary>Request <paramref name="i"/> of the file <paramref name="prefix"/>: new work, never a repeat of another body of the run.</summary>
    public abstract string Body(string prefix, int i);

    /// <summary>Rows the requests of our warm-up and measured files act on, in our database, before our warm-up.</summary>
    public virtual Task SeedAsync(string database, (string Prefix, int Count) warmUp, (string Prefix, int Count) measured) => Task.CompletedTask;

    /// <summary>What our database holds for the file <paramref name="prefix"/> after its run.</summary>
    public abstract Task<StoredCheck> CheckAsync(string database, string prefix);

    /// <summary>The inbound deliveries whose id is like <paramref name="pattern"/>.</summary>
    protected static Task<long> DeliveriesAsync(string database, string pattern) =>
        BenchPostgres.CountAsync(database, "SELECT count(*) FROM inbound_deliveries WHERE \"Id\" LIKE @p", pattern);
}

/// <summary>The inbound deliveries stored for a file's requests, and the effect each must have had (a monitor, a run, a pause).</summary>
internal sealed record StoredCheck(long Deliveries, long Effects, string EffectsName)
{
    /// <summary>
    /// Every 2xx wrk counted is a stored delivery with its effect; nothing is stored that wrk did not send. A run
    /// without a 2xx proves nothing, so it does not pass.
    /// </summary>
    public bool Holds(WrkResult wrk) => wrk.Ok > 0 && Effects == Deliveries && Deliveries >= wrk.Ok && Deliveries <= wrk.Sent;
}
