using ChatBot.Core.Common;

namespace ChatBot.Agent.Loop;

/// <summary>Splits the model's last message into the receipt's headline and outcome and the full output.</summary>
public sealed record FinalAnswer(string Headline, string Summary, string Output)
{
    private const int MaxHeadline = 120;

    public static FinalAnswer Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Trim().Split('\n').ToList();
        string? headline = Take(lines, "HEADLINE:");
        string? outcome = Take(lines, "OUTCOME:");
        var output = string.Join('\n', lines).Trim();
        if (output.Length == 0) output = string.Join(" — ", new[] { headline, outcome }.Where(s => !string.IsNullOrEmpty(s)));
        headline ??= FirstSentence.Of(output);
        return new FinalAnswer(Clip(headline), Clip(outcome ?? ""), output);
    }

    private static string? Take(List<string> lines, string label)
    {
        var index = lines.FindIndex(l => l.TrimStart().TrimStart('*').StartsWith(label, StringComparison.OrdinalIgnoreCase));
        if (index < 0) return null;
        var line = lines[index].TrimStart().TrimStart('*');
        lines.RemoveAt(index);
        return line[label.Length..].Trim().Trim('*').Trim();
    }

    private static string Clip(string text) => OneLine.Of(text, MaxHeadline);
}
