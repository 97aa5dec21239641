using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Teams.Inbound;

/// <summary>
/// Turns a validated activity into neutral input for the inbox and renders the inbox's answer back: messages
/// become commands or agent tasks (202 once the inbox has persisted), card clicks become button actions
/// (answered inline with the updated card). The delivery id de-duplicates the connector's retries. Nothing here
/// calls the connector: replies and card updates are outbox messages that a job sends after the 202, so a slow or
/// failing connector never holds up or fails the activity.
/// </summary>
public sealed partial class TeamsActivityHandler(IChatInbox inbox, IChatOutbox outbox, ILogger<TeamsActivityHandler> logger)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        switch (activity.Type)
        {
            case Activity.Message when SubmittedVerb(activity) is not null:
                await HandleSubmitAsync(activity, ct);
                return Results.Accepted();
            case Activity.Message:
                await HandleMessageAsync(activity, ct);
                return Results.Accepted();
            case Activity.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return Results.Json(await HandleCardActionAsync(activity, ct), Activity.Json);
            case Activity.Invoke:
                return Results.Json(InvokeResponse.Error(501, $"The invoke '{activity.Name}' is not supported."), Activity.Json);
            default:
                // conversationUpdate and the rest: acknowledged; the service URL and the team were remembered on validation.
                return Results.Accepted();
        }
    }

    private async Task HandleMessageAsync(Activity activity, CancellationToken ct)
    {
        var user = TeamsConversation.UserOf(activity);
        if (user is null || TeamsConversation.AddressOf(activity, null) is null)
        {
            logger.LogWarning("Teams message {ActivityId} without a sender, tenant or conversation ignored", activity.Id);
            return;
        }
        var parsed = CommandParser.ParseMessage(WithoutBotMention(activity));
        if (!parsed.IsSuccess)
        {
            await ReplyAsync(activity, new Core.Views.TextView(parsed.Error!), ct);
            return;
        }
        // In a channel, tasks are answered in the reply chain of the message that asked; cancelmonitor names its chain.
        var thread = parsed.Command switch
        {
            AgentTaskCommand when TeamsConversation.IsChannel(activity) => TeamsConversation.ThreadOf(activity) ?? activity.Id,
            CancelMonitorCommand => TeamsConversation.ThreadOf(activity),
            _ => null,
        };
        var invocation = new CommandInvocation(DeliveryIdOf(activity), TeamsConversation.AddressOf(activity, thread)!, user,
            parsed.Command!, TeamsConversation.IsPersonal(activity));
        var result = await inbox.HandleCommandAsync(invocation, ct);
        if (result.Reply is { } reply) await ReplyAsync(activity, reply, ct);
    }

    private async Task<InvokeResponse> HandleCardActionAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return InvokeResponse.Error(400, "The invoke carries no action.");
        var verb = StringOf(action, "verb");
        if (verb == CardVerbs.Refresh)
            return InvokeResponse.Message("This card is up to date.");
        var data = action.TryGetProperty("data", out var d) ? d : default;
        var result = await ClickAsync(activity, verb, data, ct);
        if (result is null) return InvokeResponse.Error(400, $"Unknown action '{verb}'.");
        if (result.ReplaceOriginal is { } replacement) return InvokeResponse.Card(TeamsCardRenderer.Card(replacement));
        return InvokeResponse.Message(result.Reply?.FallbackText ?? "");
    }

    /// <summary>Old clients send Action.Execute as Action.Submit: a message whose value carries the verb. Its answer
    /// cannot ride on the HTTP response, so the card update goes out from the outbox.</summary>
    private async Task HandleSubmitAsync(Activity activity, CancellationToken ct)
    {
        var value = activity.Value!.Value;
        var result = await ClickAsync(activity, SubmittedVerb(activity), value, ct);
        if (result is null) return;
        if (result.ReplaceOriginal is { } replacement && activity.ReplyToId is { } cardId
            && activity.Conversation is { } conversation && TeamsConversation.AddressOf(activity, null) is { } address)
            await outbox.SendAsync(address with { ChannelId = conversation.Id }, replacement, ct, replaceMessageId: cardId);
        if (result.Reply is { } reply) await ReplyAsync(activity, reply, ct);
    }

    private async Task<CommandResult?> ClickAsync(Activity activity, string? verb, JsonElement data, CancellationToken ct)
    {
        var actionId = CardVerbs.ActionIdOf(verb);
        var target = data.ValueKind == JsonValueKind.Object ? StringOf(data, "approvalId") ?? StringOf(data, "monitorId") : null;
        var user = TeamsConversation.UserOf(activity);
        var address = TeamsConversation.AddressOf(activity, TeamsConversation.ThreadOf(activity));
        if (actionId is null || target is null || user is null || address is null) return null;
        return await inbox.HandleActionAsync(new ButtonAction(DeliveryIdOf(activity), address, user, actionId, target, activity.ReplyToId), ct);
    }

    /// <summary>In a channel the answer joins the message's reply chain rather than the channel's top level.</summary>
    private Task ReplyAsync(Activity activity, Core.Views.ChatView view, CancellationToken ct)
    {
        if (activity.ServiceUrl is null || activity.Id is null) return Task.CompletedTask;
        var thread = TeamsConversation.IsChannel(activity) ? TeamsConversation.ThreadOf(activity) ?? activity.Id : null;
        return TeamsConversation.AddressOf(activity, thread) is { } address ? outbox.SendAsync(address, view, ct) : Task.CompletedTask;
    }

    private static string? SubmittedVerb(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value ? StringOf(value, "verb") : null;

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>The bot's own mention (wherever it is); other mentions stay part of the text.</summary>
    private static string WithoutBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        if (activity.Recipient?.Name is { Length: > 0 } botName)
            text = text.Replace($"<at>{botName}</at>", " ", StringComparison.OrdinalIgnoreCase);
        return LeadingMention().Replace(text.Trim(), "").Replace("&nbsp;", " ").Trim();
    }

    /// <summary>Activity ids are only unique within a conversation, so the conversation is part of the key.</summary>
    private static string DeliveryIdOf(Activity activity)
    {
        var key = $"{activity.Conversation?.Id}|{activity.Id}";
        return "teams-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    [GeneratedRegex(@"^(<at>[^<]*</at>\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();
}
