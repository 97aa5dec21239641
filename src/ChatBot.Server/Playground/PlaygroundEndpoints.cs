using ChatBot.Server.Hosting;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using ChatBot.Server.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Playground;

/// <summary>
/// The playground's adapter: typed lines and button clicks become the same neutral inputs Slack and Teams
/// produce, and go through the same inbox. The page reads the channel back and listens for changes.
/// </summary>
public static class PlaygroundEndpoints
{
    public const int MaxTextLength = 4000;
    public static readonly ChatUser You = new("U_PLAYGROUND", "you");

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        // Under the ops rule, as its page is (UseOpsRuleFor); writes need JSON or a custom header.
        var api = endpoints.MapGroup("/api/playground").WithTags("Playground").RequireAuthorization(AuthPolicies.Ops).AddEndpointFilter<CrossSiteRequestGuard>();
        api.MapPost("/messages", PostMessageAsync);
        api.MapPost("/actions", ClickAsync);
        api.MapGet("/messages", ListAsync);
        api.MapGet("/events", StreamAsync);
        return endpoints;
    }

    private static async Task<IResult> PostMessageAsync(PlaygroundPostRequest? body, IChatInbox inbox, PlaygroundMessenger playground, CancellationToken ct)
    {
        var text = body?.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return ApiErrors.Result(400, "MISSING_TEXT", "Type something: a task, /monitor <url or topic>, or /help.");
        if (text.Length > MaxTextLength) return ApiErrors.Result(400, "TEXT_TOO_LONG", $"Keep messages under {MaxTextLength} characters.");
        var channel = ChannelOf(body!.Channel);
        if (channel is null) return ApiErrors.Result(400, "INVALID_CHANNEL", "Channel names are letters, digits, '-' and '_' (at most 40).");

        var messageId = await playground.AddAsync(channel, body.ThreadId, You.Id, new TextView(text), null, ct);
        var parsed = CommandParser.ParseMessage(text);
        if (!parsed.IsSuccess)
        {
            await playground.AddAsync(channel, body.ThreadId, PlaygroundChannel.BotAuthor, new TextView(parsed.Error!), You.Id, ct);
            return Results.Ok(new { message_id = messageId, reply = parsed.Error });
        }

        // Tasks are answered in a thread under the message that asked, like a mention in Slack.
        var threadId = parsed.Command switch
        {
            AgentTaskCommand => body.ThreadId ?? messageId,
            CancelMonitorCommand => body.ThreadId,
            _ => null,
        };
        var result = await inbox.HandleCommandAsync(
            new CommandInvocation("pg-" + messageId, PlaygroundChannel.Address(channel, threadId), You, parsed.Command!), ct);
        if (result.Reply is { } reply) await playground.AddAsync(channel, body.ThreadId, PlaygroundChannel.BotAuthor, reply, You.Id, ct);
        return Results.Ok(new { message_id = messageId, reply = result.Reply?.FallbackText });
    }

    private static async Task<IResult> ClickAsync(PlaygroundActionRequest? body, IChatInbox inbox, PlaygroundMessenger playground, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.ActionId) || string.IsNullOrWhiteSpace(body.Value))
            return ApiErrors.Result(400, "MISSING_ACTION", "Send action_id and value.");
        var channel = ChannelOf(body.Channel);
        if (channel is null) return ApiErrors.Result(400, "INVALID_CHANNEL", "Channel names are letters, digits, '-' and '_' (at most 40).");
        var address = PlaygroundChannel.Address(channel);
        var result = await inbox.HandleActionAsync(
            new ButtonAction("pg-act-" + Guid.NewGuid().ToString("N"), address, You, body.ActionId, body.Value, body.MessageId), ct);
        if (result.ReplaceOriginal is { } replacement && body.MessageId is { } original)
            await playground.UpdateAsync(new PostedMessage(address, original), replacement, ct);
        if (result.Reply is { } reply) await playground.AddAsync(channel, null, PlaygroundChannel.BotAuthor, reply, You.Id, ct);
        return Results.Ok(new { reply = result.Reply?.FallbackText });
    }

    private static async Task<IResult> ListAsync(string? channel, ChatBotDbContext db, IOptions<ReceiptOptions> receipts, CancellationToken ct)
    {
        var channelId = ChannelOf(channel);
        if (channelId is null) return ApiErrors.Result(400, "INVALID_CHANNEL", "Channel names are letters, digits, '-' and '_' (at most 40).");
        var messages = await db.PlaygroundMessages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && (m.VisibleTo == null || m.VisibleTo == You.Id))
            .OrderBy(m => m.Sequence)
            .ToListAsync(ct);
        return Results.Ok(new
        {
            channel = channelId,
            // The page draws each bot message's header (name and a live relative time) itself, as Slack does.
            bot_name = receipts.Value.BotName,
            messages = messages.Select(m => new PlaygroundMessageDto(m.Id, m.ThreadId, m.Author, m.VisibleTo is not null, m.CreatedAt, m.UpdatedAt, m.View.FallbackText, m.View)),
        });
    }

    private static async Task StreamAsync(HttpContext http, string? channel, PlaygroundChangeFeed feed, EventStreamSlots slots)
    {
        using var lifetime = EventStreamCancellation.For(http);
        var ct = lifetime.Token;
        var channelId = ChannelOf(channel);
        if (channelId is null)
        {
            await ApiErrors.WriteAsync(http, 400, "INVALID_CHANNEL", "Channel names are letters, digits, '-' and '_' (at most 40).");
            return;
        }
        using var slot = slots.TryAcquire(http);
        if (slot is null)
        {
            await EventStreamSlots.RefuseAsync(http);
            return;
        }
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync("event: ready\ndata: {}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            await foreach (var changed in feed.SubscribeAsync(ct))
            {
                if (changed != channelId) continue;
                await http.Response.WriteAsync($"event: changed\ndata: {changed}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the server is stopping.
        }
    }

    private static string? ChannelOf(string? requested)
    {
        var channel = string.IsNullOrWhiteSpace(requested) ? PlaygroundChannel.DefaultChannelId : requested.Trim();
        return channel.Length <= 40 && channel.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? channel : null;
    }
}
