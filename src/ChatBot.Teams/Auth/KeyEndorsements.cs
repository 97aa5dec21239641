using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Teams.Auth;

/// <summary>
/// Reads a JWKS key's Bot Framework <c>endorsements</c> (the channels the key may sign for). The IdentityModel
/// serializer keeps unknown members in <see cref="JsonWebKey.AdditionalData"/> in one of a few shapes.
/// </summary>
public static class KeyEndorsements
{
    public const string Property = "endorsements";

    public static IReadOnlyList<string> Of(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(Property, out var raw) || raw is null) return [];
        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i is JsonElement e ? e.ToString() : i?.ToString())
                .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList(),
            _ => [],
        };
    }

    public static bool Endorses(JsonWebKey key, string channelId) =>
        Of(key).Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
