using ChatBot.Agent.Egress;

namespace ChatBot.Agent.Content;

/// <summary>What a fetched resource says, as text: HTML made readable, other text as it came.</summary>
public static class FetchedText
{
    public static string Of(FetchResult result)
    {
        if (!IsHtml(result)) return result.Body;
        var (title, text) = ReadableText.FromHtml(result.Body);
        return title is null ? text : $"{title}\n\n{text}";
    }

    public static bool IsHtml(FetchResult result) =>
        result.ContentType is { } type
            ? type.Contains("html", StringComparison.OrdinalIgnoreCase)
            : result.Body.TrimStart().StartsWith('<') && result.Body.Contains("<html", StringComparison.OrdinalIgnoreCase);
}
