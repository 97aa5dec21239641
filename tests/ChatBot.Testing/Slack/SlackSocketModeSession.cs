using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Testing.Slack;

/// <summary>
/// One Socket Mode connection as Slack's side sees it: says hello, lets a test push envelopes and control
/// messages, records every ack (with its payload) by envelope id, and can go silent. <see cref="Ended"/>
/// completes when the client closes the connection or drops it.
/// </summary>
public sealed class SlackSocketModeSession
{
    private readonly WebSocket _socket;
    private readonly SilenceableStream _transport;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextEnvelope;

    internal SlackSocketModeSession(int number, WebSocket socket, SilenceableStream transport)
    {
        Number = number;
        _socket = socket;
        _transport = transport;
    }

    /// <summary>1 for the first connection the client opened, 2 for the next, …</summary>
    public int Number { get; }

    /// <summary>Completes when the client has closed the connection (a close frame) or dropped it.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Waits until the client has closed or dropped the connection; the deadline only bounds a hung test.</summary>
    public Task WaitUntilEndedAsync(TimeSpan? deadline = null) => Ended.WaitAsync(deadline ?? TimeSpan.FromSeconds(30));

    /// <summary>Whether the client ended the connection with a close handshake rather than just dropping it.</summary>
    public bool ClosedByClient { get; private set; }

    public Task SendHelloAsync() => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = Number,
        ["debug_info"] = new JsonObject { ["host"] = "applink-double", ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = "A0DOUBLE" },
    });

    /// <summary>Pushes an envelope (events_api, slash_commands, interactive) and returns its envelope id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonNode payload, bool acceptsResponsePayload = false, int retryAttempt = 0, string? envelopeId = null)
    {
        var id = envelopeId ?? $"env-{Number}-{Interlocked.Increment(ref _nextEnvelope)}";
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (retryAttempt > 0)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = "timeout";
        }
        await SendAsync(envelope);
        return id;
    }

    public Task SendDisconnectAsync(string reason) => SendAsync(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "applink-double" },
    });

    /// <summary>The ack the client sent for an envelope; the deadline only bounds a hung test.</summary>
    public Task<JsonObject> WaitForAckAsync(string envelopeId, TimeSpan? deadline = null) =>
        AckSlot(envelopeId).Task.WaitAsync(deadline ?? TimeSpan.FromSeconds(30));

    public bool WasAcked(string envelopeId) => _acks.TryGetValue(envelopeId, out var slot) && slot.Task.IsCompleted;

    /// <summary>From now on the connection stays open but nothing comes back, not even a pong.</summary>
    public void GoSilent() => _transport.Silence();

    /// <summary>Reads the client's messages until it closes or drops the connection.</summary>
    internal async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByClient = true;
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                    return;
                }
                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject ack
                    && ack["envelope_id"]?.GetValue<string>() is { } id)
                    AckSlot(id).TrySetResult(ack);
            }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Dropped by the client (an abort, the watchdog giving up on a silent connection).
        }
        catch (OperationCanceledException)
        {
            // The double is shutting down.
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    private TaskCompletionSource<JsonObject> AckSlot(string envelopeId) =>
        _acks.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task SendAsync(JsonObject message)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
