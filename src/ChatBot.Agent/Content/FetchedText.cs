using ChatBot.Agent.Egress;

namespace ChatBot.Agent.Content;

/// <summary>What a fetched resource says, as text: HTML made readable, other text as it came.</summary>
public static class FetchedText
{
    public static string Of(FetchResult result)
    {
        var (title, text) = Read(result);
        return title is null ? text : $"{title}\n\n{text}";
    }

    /// <summary>The resource's title (HTML only) and its readable text.</summary>
    public static (string? Title, string Text) Read(FetchResult result) =>
        IsHtml(result) ? ReadableText.FromHtml(result.Body) : (null, result.Body);

    public static bool IsHtml(FetchResult result) =>
        result.ContentType is { } type
            ? type.Contains("html", StringComparison.OrdinalIgnoreCase)
            : result.Body.TrimStart().StartsWith('<') && result.Body.Contains("<html", StringComparison.OrdinalIgnoreCase);
}
