using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace ChatBot.Server.Docs;

/// <summary>
/// The repository's settings reference (docs/configuration.md, shipped next to the binary) served as a page at
/// <c>/docs/configuration</c>, so the dashboard's alerts can link straight to the setting that fixes them.
/// </summary>
public static class ConfigurationDocs
{
    public const string Path = "/docs/configuration";
    public const string ModelProvider = Path + "#model-provider";

    private static readonly Lazy<string> Page = new(Render);

    /// <summary>Reasons name the setting they miss ("Set Agent__Provider …"); each section's anchor is its fix.</summary>
    private static readonly (string Prefix, string Anchor)[] Sections =
    [
        ("Agent__", "model-provider"), ("Search__", "search"), ("Email__", "email"), ("Egress__", "outbound-fetches"),
        ("Slack__", "slack"), ("Teams__", "teams"), ("Storage__", "server-and-storage"),
    ];

    /// <summary>The documentation anchor for a failure that names a setting, else null.</summary>
    public static string? FixFor(string reason) =>
        Sections.FirstOrDefault(s => reason.Contains(s.Prefix, StringComparison.Ordinal)) is { Anchor: { } anchor } ? $"{Path}#{anchor}" : null;

    public static IEndpointRouteBuilder MapConfigurationDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, () => Results.Content(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    private static string Render()
    {
        var markdown = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "docs", "configuration.md"));
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build();
        return $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Configuration · ChatBot</title><link rel="icon" href="/favicon.svg">
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top}
            code{background:#f4f4f4;padding:0 .2rem}:target{background:#fff3bf}</style></head>
            <body>
            {{Markdown.ToHtml(markdown, pipeline)}}
            </body></html>
            """;
    }
}
