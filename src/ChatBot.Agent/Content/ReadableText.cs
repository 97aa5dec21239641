using ChatBot.Core.Common;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatBot.Agent.Content;

/// <summary>
/// HTML to the text a person reads: scripts, styles and page chrome dropped, one line per block, whitespace
/// collapsed. Used for what the model sees and for page-monitor snapshots.
/// </summary>
public static class ReadableText
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "form"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "aside", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "blockquote", "br", "hr", "dd", "dt", "dl", "figcaption", "summary", "details",
    };

    public static (string? Title, string Text) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = document.Title?.Trim();
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList()) element.Remove();
        var builder = new StringBuilder();
        if (document.Body is { } body) Append(body, builder);
        return (string.IsNullOrEmpty(title) ? null : title, ReadableLines.Normalize(builder.ToString()));
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block) builder.Append('\n');
                    Append(element, builder);
                    if (block) builder.Append('\n');
                    break;
            }
        }
    }
}
