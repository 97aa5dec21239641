using System.Net.WebSockets;
using ChatBot.Slack.Api;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Slack Socket Mode, on when <c>Slack__AppToken</c> is set (idle otherwise): keeps one connection open and
/// replaces it when it goes. <c>disconnect</c> (warning, refresh_requested) opens the replacement before closing
/// the old connection, which keeps delivering until then; a lost or silent connection (the keep-alive watchdog)
/// is reconnected; failures back off exponentially up to a cap; <c>link_disabled</c> stops Socket Mode.
/// Deliveries reach the same handlers as the HTTP endpoints, through <see cref="SlackEnvelopeDispatcher"/>.
/// </summary>
internal sealed class SlackSocketModeService(
    SlackWebApiClient api,
    SlackEnvelopeDispatcher dispatcher,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    /// <summary>Slack's errors that mean the app token itself is wrong: logged as errors, since only an operator can fix them.</summary>
    private static readonly HashSet<string> TokenErrors =
        ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope"];

    private int _consecutiveFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.UsesSocketMode)
        {
            logger.LogDebug("Slack Socket Mode is off (no Slack__AppToken)");
            return;
        }

        SlackSocketConnection? current = null;
        try
        {
            current = await ConnectWithRetryAsync(stoppingToken);
            while (true)
            {
                var end = await current.Ended.WaitAsync(stoppingToken);
                switch (end.Kind)
                {
                    case SlackSocketEndKind.LinkDisabled:
                        logger.LogError("Slack disabled this app's Socket Mode link (link_disabled); Socket Mode stays off until the server restarts");
                        await current.CloseAsync();
                        current = null;
                        return;
                    case SlackSocketEndKind.ReplaceRequested:
                        logger.LogInformation("Slack asked for a new Socket Mode connection ({Reason}); the current one serves until it is up", end.Detail);
                        var replacement = await ConnectWithRetryAsync(stoppingToken);
                        var old = current;
                        current = replacement;
                        await old.CloseAsync();
                        break;
                    default:
                        await current.DisposeAsync();
                        current = null;
                        _consecutiveFailures++;
                        await WaitBeforeReconnectAsync(null, stoppingToken);
                        current = await ConnectWithRetryAsync(stoppingToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null) await current.CloseAsync();
        }
    }

    /// <summary>A connection that has said hello, after as many attempts as it takes.</summary>
    private async Task<SlackSocketConnection> ConnectWithRetryAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var connection = await ConnectAsync(ct);
                _consecutiveFailures = 0;
                return connection;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                _consecutiveFailures++;
                if (ex is SlackApiException { Error: var error } && TokenErrors.Contains(error))
                    logger.LogError(ex, "Slack refused the Socket Mode app token ({Error}); check Slack__AppToken (xapp-, connections:write). Retrying", error);
                else
                    logger.LogWarning(ex, "Could not open a Slack Socket Mode connection; retrying");
                await WaitBeforeReconnectAsync((ex as SlackRateLimitedException)?.RetryAfter, ct);
            }
        }
    }

    private async Task<SlackSocketConnection> ConnectAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var url = await api.Apps.OpenConnectionAsync(settings.AppToken!, ct);

        var socket = new ClientWebSocket();
        // The watchdog: the client pings, and a connection that leaves a ping unanswered this long is aborted.
        socket.Options.KeepAliveInterval = settings.SocketPingInterval;
        socket.Options.KeepAliveTimeout = settings.SocketSilenceTimeout;
        try
        {
            using var timeout = new CancellationTokenSource(settings.SocketSilenceTimeout, time);
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await socket.ConnectAsync(url, connectTimeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SlackSocketConnection(socket, dispatcher, time, logger, ct);
        connection.Start();
        try
        {
            // A connection that never says hello is as dead as one that stops answering pings.
            var hello = await connection.Hello.WaitAsync(settings.SocketSilenceTimeout, time, ct);
            logger.LogInformation("Slack Socket Mode connected (app {AppId}, {Connections} connection(s))",
                hello.ConnectionInfo?.AppId, hello.NumConnections);
            return connection;
        }
        catch (TimeoutException)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"Slack sent no hello within {settings.SocketSilenceTimeout}.");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private Task WaitBeforeReconnectAsync(TimeSpan? retryAfter, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var delay = SlackReconnectBackoff.Delay(_consecutiveFailures, settings.SocketReconnectDelay, settings.SocketMaxReconnectDelay);
        if (retryAfter > delay) delay = retryAfter.Value;
        return delay > TimeSpan.Zero ? Task.Delay(delay, time, ct) : Task.CompletedTask;
    }
}
