using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;

namespace ChatBot.Bench;

/// <summary>A chat platform that accepts everything instantly, so the benchmark measures the engine, not a network.</summary>
internal sealed class SilentMessenger : IMessenger
{
    private long _next;

    public ChatPlatform Platform => ChatPlatform.Playground;

    public Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct) =>
        Task.FromResult(new PostedMessage(to, Interlocked.Increment(ref _next).ToString()));

    public Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct) => Task.CompletedTask;

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) => Task.CompletedTask;

    public Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct) => Task.CompletedTask;
}
