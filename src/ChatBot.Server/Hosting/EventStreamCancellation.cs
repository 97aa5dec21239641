namespace ChatBot.Server.Hosting;

/// <summary>
/// Server-sent event streams (dashboard, playground) never end on their own. Ending them when the host stops lets
/// Ctrl+C or SIGTERM stop the server at once, instead of shutdown waiting its full timeout for an open tab.
/// </summary>
public static class EventStreamCancellation
{
    /// <summary>Cancelled when the page goes away or the server starts stopping, whichever comes first.</summary>
    public static CancellationTokenSource For(HttpContext http) =>
        CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted,
            http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
}
