using ChatBot.Testing.Hosting;

namespace ChatBot.Bench.Ack;

/// <summary>
/// The page every benchmark /monitor watches, on loopback: the first check of each new monitor fetches it, so
/// the server's background work runs as in production and never leaves this machine.
/// </summary>
internal sealed class LoopbackPage : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _fetches;

    private LoopbackPage(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public long Fetches => Interlocked.Read(ref _fetches);

    public string UrlFor(string phase) => new Uri(BaseUrl, "/pricing/" + phase).ToString();

    public static async Task<LoopbackPage> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var page = new LoopbackPage(app);
        app.MapGet("/pricing/{phase}", () =>
        {
            Interlocked.Increment(ref page._fetches);
            return Results.Content("<html><body><h1>Pricing</h1><p>Team plan: $10 per seat per month.</p></body></html>", "text/html");
        });
        await app.StartAsync();
        page.BaseUrl = LoopbackServer.AddressOf(app);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
