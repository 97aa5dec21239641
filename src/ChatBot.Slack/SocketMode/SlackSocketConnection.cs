using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Slack.Payloads;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: reads Slack's messages, reports <c>hello</c> and <c>disconnect</c>, and hands each
/// envelope to the dispatcher without blocking the read loop (so acks go out while other envelopes are still being
/// handled, and pongs keep flowing). Sends are serialized: a WebSocket allows one send at a time.
/// </summary>
internal sealed class SlackSocketConnection : IAsyncDisposable
{
    /// <summary>Slack stops waiting for an ack after three seconds, so draining longer on close gains nothing.</summary>
    private static readonly TimeSpan AckWindow = TimeSpan.FromSeconds(3);

    /// <summary>Slack's deliveries are small; anything bigger is not Slack (the HTTP endpoints use the same bound).</summary>
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly SlackEnvelopeDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime;
    private readonly TaskCompletionSource<SlackSocketMessage> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SlackSocketEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<Task> _unacknowledged = [];
    private Task _receiving = Task.CompletedTask;
    private volatile bool _closing;
    private int _disposed;

    public SlackSocketConnection(WebSocket socket, SlackEnvelopeDispatcher dispatcher, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _socket = socket;
        _dispatcher = dispatcher;
        _time = time;
        _logger = logger;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Completes with Slack's hello; fails if the connection ends first.</summary>
    public Task<SlackSocketMessage> Hello => _hello.Task;

    /// <summary>Completes when the connection should take no more work, saying why.</summary>
    public Task<SlackSocketEnd> Ended => _ended.Task;

    public void Start() => _receiving = ReceiveLoopAsync(_lifetime.Token);

    /// <summary>
    /// Lets envelopes in flight send their acks (for at most Slack's ack window), then closes the socket politely.
    /// Follow-ups already acked keep running: they need the Web API, not this socket.
    /// </summary>
    public async Task CloseAsync()
    {
        _closing = true;
        Task[] pending;
        lock (_unacknowledged) pending = [.. _unacknowledged];
        await WaitQuietlyAsync(Task.WhenAll(pending), AckWindow);
        try
        {
            using var timeout = new CancellationTokenSource(AckWindow, _time);
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "Slack Socket Mode close handshake failed");
        }
        // Slack answers the close frame, which ends the read loop; a peer that does not is cut off.
        await WaitQuietlyAsync(_receiving, AckWindow);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closing = true;
        _lifetime.Cancel();
        _socket.Abort();
        await WaitQuietlyAsync(_receiving, AckWindow);
        _socket.Dispose();
        _lifetime.Dispose();
        _hello.TrySetException(new WebSocketException("The Slack Socket Mode connection closed before hello."));
        _ended.TrySetResult(new SlackSocketEnd(SlackSocketEndKind.Lost, "closed by the client"));
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var end = new SlackSocketEnd(SlackSocketEndKind.Lost, "closed by Slack");
        try
        {
            while (await ReceiveAsync(ct) is { } bytes)
            {
                if (Parse(bytes) is not { } message) continue;
                switch (message.Type)
                {
                    case SlackSocketMessage.Hello:
                        _hello.TrySetResult(message);
                        break;
                    case SlackSocketMessage.Disconnect:
                        var reason = message.Reason ?? "unknown";
                        // Keep reading: until the replacement says hello, this connection still delivers.
                        _ended.TrySetResult(new SlackSocketEnd(
                            reason == "link_disabled" ? SlackSocketEndKind.LinkDisabled : SlackSocketEndKind.ReplaceRequested, reason));
                        break;
                    default:
                        if (SlackSocketEnvelope.From(message) is { } envelope) Dispatch(envelope, ct);
                        break;
                }
            }
        }
        catch (Exception ex)
        {
            // Any failure ends this connection, never the client. The keep-alive watchdog lands here too: an
            // unanswered ping aborts the socket, which fails the pending read.
            end = new SlackSocketEnd(SlackSocketEndKind.Lost, Describe(ex));
        }
        // Expected after our close or Slack's disconnect; a surprise otherwise.
        if (_closing || _ended.Task.IsCompleted) _logger.LogDebug("Slack Socket Mode connection ended: {Detail}", end.Detail);
        else _logger.LogWarning("Slack Socket Mode connection lost: {Detail}", end.Detail);
        _hello.TrySetException(new WebSocketException($"The Slack Socket Mode connection ended before hello: {end.Detail}"));
        _ended.TrySetResult(end);
    }

    private void Dispatch(SlackSocketEnvelope envelope, CancellationToken ct)
    {
        if (envelope.RetryAttempt > 0)
            _logger.LogInformation("Slack redelivered {Type} envelope {EnvelopeId} (attempt {Attempt})", envelope.Type, envelope.EnvelopeId, envelope.RetryAttempt);
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_unacknowledged) _unacknowledged.Add(acked.Task);
        _ = acked.Task.ContinueWith(done => { lock (_unacknowledged) _unacknowledged.Remove(done); }, TaskScheduler.Default);
        _ = Task.Run(async () =>
        {
            try
            {
                await _dispatcher.HandleAsync(envelope, async (ack, token) =>
                {
                    try
                    {
                        await SendAsync(ack, token);
                    }
                    finally
                    {
                        acked.TrySetResult();
                    }
                }, ct);
            }
            catch (Exception ex)
            {
                // Unacknowledged, Slack redelivers it (the delivery id makes that harmless); nothing here may take the connection down.
                _logger.Log(ct.IsCancellationRequested ? LogLevel.Debug : LogLevel.Warning, ex,
                    "Slack Socket Mode {Type} envelope {EnvelopeId} was not acknowledged", envelope.Type, envelope.EnvelopeId);
            }
            finally
            {
                acked.TrySetResult();
            }
        }, CancellationToken.None);
    }

    private async Task SendAsync(JsonObject message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole text message, or null once Slack has closed the connection.</summary>
    private async Task<byte[]?> ReceiveAsync(CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            if (message.Length + result.Count > MaxMessageBytes) throw new InvalidDataException("A Slack Socket Mode message exceeded 1 MiB.");
            message.Write(chunk, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text) return message.ToArray();
            message.SetLength(0);
        }
    }

    private SlackSocketMessage? Parse(byte[] text)
    {
        try
        {
            return SlackPayloadReader.Read(text, SlackPayloadContext.Default.SlackSocketMessage);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Slack Socket Mode sent a message that is not JSON; ignored");
            return null;
        }
    }

    /// <summary>
    /// The failure's messages down the chain: an abort by the keep-alive watchdog surfaces as a bare "Aborted"
    /// whose inner exception says that a ping went unanswered.
    /// </summary>
    private static string Describe(Exception failure)
    {
        var messages = new List<string>();
        var pending = new Queue<Exception>([failure]);
        while (pending.TryDequeue(out var ex))
        {
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions) pending.Enqueue(inner);
                continue;
            }
            if (!messages.Contains(ex.Message)) messages.Add(ex.Message);
            if (ex.InnerException is { } cause) pending.Enqueue(cause);
        }
        return string.Join(" ← ", messages);
    }

    private async Task WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit, _time);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Bounded on purpose: closing must not hang on a handler or a peer that never answers.
        }
    }
}
