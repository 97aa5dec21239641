using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Loop;

/// <summary>
/// Refuses a sensitive call whose recipients or targets were only ever seen in untrusted content: an email
/// address or host that a fetched page supplied, and the person never mentioned, is an injection's fingerprint.
/// The person would still have to approve it, but such a request should not reach them at all.
/// </summary>
public static partial class TaintCheck
{
    public static string? FindTainted(string argumentsJson, IEnumerable<ChatMessage> conversation)
    {
        var trusted = new List<string>();
        var untrusted = new List<string>();
        foreach (var message in conversation)
        {
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text when message.Role == ChatRole.User || message.Role == ChatRole.System:
                        trusted.Add(text.Text);
                        break;
                    case FunctionResultContent result when result.Result?.ToString() is { } output && output.Contains("<" + UntrustedData.Tag, StringComparison.Ordinal):
                        untrusted.Add(output);
                        break;
                }
            }
        }
        var trustedText = string.Join('\n', trusted);
        var untrustedText = string.Join('\n', untrusted);
        return Targets(argumentsJson).FirstOrDefault(target =>
            untrustedText.Contains(target, StringComparison.OrdinalIgnoreCase) && !trustedText.Contains(target, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Targets(string argumentsJson)
    {
        foreach (Match match in EmailAddress().Matches(argumentsJson)) yield return match.Value;
        foreach (Match match in UrlHost().Matches(argumentsJson)) yield return match.Groups[1].Value;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"https?://([A-Za-z0-9.-]+)")]
    private static partial Regex UrlHost();
}
