using ChatBot.Core.Common;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatBot.Teams.History;

/// <summary>
/// A Teams message body (HTML) as the plain text a person reads: one line per paragraph, mentions as <c>@Name</c>,
/// emoji as their character, attachments and cards as placeholders, whitespace collapsed.
/// </summary>
public static class TeamsMessageText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    };

    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var builder = new StringBuilder();
        if (document.Body is { } body) Append(body, builder);
        return ReadableLines.Normalize(builder.ToString());
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
                case IElement { LocalName: "at" } mention:
                    builder.Append('@').Append(mention.TextContent.Trim());
                    break;
                case IElement { LocalName: "emoji" } emoji:
                    builder.Append(emoji.GetAttribute("alt") ?? emoji.TextContent);
                    break;
                case IElement { LocalName: "attachment" }:
                    builder.Append("[attachment]");
                    break;
                case IElement { LocalName: "script" or "style" }:
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
