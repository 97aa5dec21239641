using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Testing.Slack;

/// <summary>
/// Signs requests the way Slack does, written independently of the adapter so a shared mistake can't make
/// both sides agree: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret)
{
    public static string Signature(string secret, long timestamp, byte[] body)
    {
        var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:").Concat(body).ToArray();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "v0=" + string.Concat(hmac.ComputeHash(basestring).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A signed request; <paramref name="signedAt"/> defaults to now, <paramref name="tamper"/> changes the body after signing.</summary>
    public HttpRequestMessage Request(string path, HttpContent content, DateTimeOffset? signedAt = null, Func<byte[], byte[]>? tamper = null)
    {
        var body = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var sent = tamper?.Invoke(body) ?? body;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = content.Headers.ContentType ?? new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Signature(signingSecret, timestamp, body));
        return request;
    }

    public HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset? signedAt = null) =>
        Request(path, new FormUrlEncodedContent(fields), signedAt);

    public HttpRequestMessage Json(string path, string json, DateTimeOffset? signedAt = null) =>
        Request(path, new StringContent(json, Encoding.UTF8, "application/json"), signedAt);
}
