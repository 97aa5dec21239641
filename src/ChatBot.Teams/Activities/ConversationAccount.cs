using System.Text.Json.Serialization;

namespace ChatBot.Teams.Activities;

/// <summary>The conversation of an activity: a channel (possibly with <c>;messageid=</c> for a reply chain), group chat or personal chat.</summary>
public sealed record ConversationAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("conversationType")] string? ConversationType = null,
    [property: JsonPropertyName("tenantId")] string? TenantId = null,
    [property: JsonPropertyName("isGroup")] bool? IsGroup = null,
    [property: JsonPropertyName("name")] string? Name = null);
