using System.Text.Json.Serialization;

namespace ChatBot.Core.Chat;

/// <summary>A person on a platform. The name is for display only; decisions use the id.</summary>
public sealed record ChatUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
