using System.Collections.Concurrent;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Teams.Messaging;

namespace ChatBot.Teams.Tests.Infrastructure;

/// <summary>
/// The outbox as the adapter sees it, standing in for the stored message and its delivery job: records what the
/// adapter handed over and sends it through the real <see cref="TeamsMessenger"/> after returning, as the job would,
/// so the adapter's HTTP answer never waits for the connector.
/// </summary>
public sealed class DeliveringOutbox(TeamsMessenger messenger) : IChatOutbox
{
    public ConcurrentQueue<(ChatAddress To, ChatView View, string? ReplaceMessageId)> Sent { get; } = new();

    public ConcurrentQueue<Exception> DeliveryFailures { get; } = new();

    private int _delivered;

    public int Delivered => Volatile.Read(ref _delivered);

    public Task SendAsync(ChatAddress to, ChatView view, CancellationToken ct, string? replaceMessageId = null)
    {
        Sent.Enqueue((to, view, replaceMessageId));
        _ = Task.Run(async () =>
        {
            try
            {
                if (replaceMessageId is { } replace) await messenger.UpdateAsync(new PostedMessage(to, replace), view, CancellationToken.None);
                else await messenger.PostAsync(to, view, CancellationToken.None);
                Interlocked.Increment(ref _delivered);
            }
            catch (Exception ex)
            {
                DeliveryFailures.Enqueue(ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
}
