using System.Collections.Concurrent;
using System.Net.WebSockets;
using ChatBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatBot.Testing.Slack;

/// <summary>
/// Slack's Socket Mode side on a real Kestrel WebSocket server. It hooks into the <see cref="SlackApiDouble"/>,
/// whose apps.connections.open (with <see cref="SlackApiDouble.AppToken"/>) then hands out single-use
/// <c>ws://127.0.0.1:port/link?ticket=…</c> URLs to this server. Every accepted connection becomes a
/// <see cref="SlackSocketModeSession"/> that says hello (unless <see cref="WithholdHello"/>) and that a test drives.
/// </summary>
public sealed class SlackSocketModeDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, bool> _tickets = new();
    private readonly List<SlackSocketModeSession> _sessions = [];
    private int _nextTicket;
    private int _nextSession;

    private SlackSocketModeDouble(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>New connections get no hello, as if Slack never finished setting them up.</summary>
    public bool WithholdHello { get; set; }

    /// <summary>Every connection accepted so far, in order.</summary>
    public IReadOnlyList<SlackSocketModeSession> Sessions
    {
        get
        {
            lock (_sessions) return [.. _sessions];
        }
    }

    public static async Task<SlackSocketModeDouble> StartAsync(SlackApiDouble api)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var socketMode = new SlackSocketModeDouble(app);
        // Before the WebSocket middleware, so the transport it upgrades to is one a session can silence.
        app.Use((http, next) =>
        {
            if (http.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            {
                var silenceable = new SilenceableUpgrade(upgrade);
                http.Features.Set<IHttpUpgradeFeature>(silenceable);
                http.Items[typeof(SilenceableUpgrade)] = silenceable;
            }
            return next(http);
        });
        app.UseWebSockets();
        app.Map("/link", socketMode.AcceptAsync);
        await app.StartAsync();
        socketMode.BaseUrl = LoopbackServer.AddressOf(app);
        api.SocketModeUrl = socketMode.NewTicketUrl;
        return socketMode;
    }

    /// <summary>The n-th connection (1-based) once it is open (and greeted, unless hello is withheld); the deadline only bounds a hung test.</summary>
    public async Task<SlackSocketModeSession> WaitForSessionAsync(int number, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Sessions.FirstOrDefault(s => s.Number == number) is { } session) return session;
            if (DateTime.UtcNow > until) throw new TimeoutException($"The client never opened Socket Mode connection {number}.");
            await Task.Delay(25);
        }
    }

    private string NewTicketUrl()
    {
        var ticket = $"ticket-{Interlocked.Increment(ref _nextTicket)}";
        _tickets[ticket] = true;
        return new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link", Query = "ticket=" + ticket }.Uri.ToString();
    }

    private async Task AcceptAsync(HttpContext http)
    {
        // Slack's URLs are single-use tickets; a client that reuses one must call apps.connections.open again.
        if (!http.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(http.Request.Query["ticket"].ToString(), out _))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // No server pings: whether the connection is alive is the client's watchdog to find out.
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero });
        var transport = ((SilenceableUpgrade)http.Items[typeof(SilenceableUpgrade)]!).Stream!;
        var session = new SlackSocketModeSession(Interlocked.Increment(ref _nextSession), socket, transport);
        if (!WithholdHello) await session.SendHelloAsync();
        lock (_sessions) _sessions.Add(session);
        await session.RunAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
