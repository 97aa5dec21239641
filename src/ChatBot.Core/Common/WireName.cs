using System.Text.Json;

namespace ChatBot.Core.Common;

/// <summary>An enum value as the APIs spell it (<c>awaiting_approval</c>, <c>daily</c>): its JSON string name.</summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}
