using System.Text.Json.Serialization;

namespace ChatBot.Core.Chat;

/// <summary>Where a conversation lives. The playground is a platform like the others, with no network behind it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChatPlatform>))]
public enum ChatPlatform
{
    Slack,
    Teams,
    Playground,
}
