namespace ChatBot.Core.Common;

/// <summary>Text extracted from HTML (a page, a Teams message) made readable: lines trimmed, inner whitespace collapsed, empty lines dropped.</summary>
public static class ReadableLines
{
    public static string Normalize(string text) => string.Join('\n', text.Split('\n')
        .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
        .Where(line => line.Length > 0));
}
