using ChatBot.Core.Chat;
using ChatBot.Core.Common;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using ChatBot.Persistence.Playground;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Playground;

/// <summary>The playground as a chat platform: posts are rows the page reads, so jobs treat it like Slack or Teams.</summary>
public sealed class PlaygroundMessenger(IDbContextFactory<ChatBotDbContext> factory, PlaygroundChangeFeed feed, TimeProvider time) : IMessenger
{
    public ChatPlatform Platform => ChatPlatform.Playground;

    public async Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct)
    {
        var id = await AddAsync(to.ChannelId, to.ThreadId, PlaygroundChannel.BotAuthor, view, null, ct);
        return new PostedMessage(to, id);
    }

    public async Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var stored = await db.PlaygroundMessages.SingleOrDefaultAsync(m => m.Id == message.MessageId, ct)
            ?? throw new InvalidOperationException($"Playground message {message.MessageId} does not exist.");
        stored.Replace(view, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        feed.Publish(stored.ChannelId);
    }

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) =>
        AddAsync(to.ChannelId, to.ThreadId, PlaygroundChannel.BotAuthor, view, user.Id, ct);

    public Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct) =>
        AddAsync("dm-" + user.Id, null, PlaygroundChannel.BotAuthor, view, null, ct);

    public async Task<string> AddAsync(string channelId, string? threadId, string author, ChatView view, string? visibleTo, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var message = new PlaygroundMessage(Ids.NewId("pm_", 20), channelId, threadId, author, view, visibleTo, time.GetUtcNow());
        db.PlaygroundMessages.Add(message);
        await db.SaveChangesAsync(ct);
        feed.Publish(channelId);
        return message.Id;
    }
}
