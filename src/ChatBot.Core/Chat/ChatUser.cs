using System.Text.Json.Serialization;

namespace ChatBot.Core.Chat;

/// <summary>
/// A person on a platform. The name is for display only; decisions use the ids: <see cref="Id"/> is the
/// platform's user id, <see cref="DirectoryId"/> the same person in the organisation's directory where the
/// platform has one (Teams: the AAD object id, which admins usually configure, beside the 29:… Teams id).
/// </summary>
public sealed record ChatUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("directory_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DirectoryId = null)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>Every id this person is known by, to match settings that name them either way.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Ids => DirectoryId is { Length: > 0 } directory ? [Id, directory] : [Id];
}
