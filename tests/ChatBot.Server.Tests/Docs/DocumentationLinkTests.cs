using ChatBot.Testing.Hosting;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ChatBot.Server.Tests.Docs;

/// <summary>
/// All user documentation lives in the repository: every relative link in README.md and docs/ resolves to a file
/// (or folder) inside it, and every link to a heading names a heading that exists.
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build();

    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories).Order())
            documents.Add(Path.GetRelativePath(RepositoryFiles.Root, file));
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves_inside_the_repository(string document)
    {
        var path = Path.Combine(RepositoryFiles.Root, document);
        var broken = new List<string>();
        foreach (var url in Links(File.ReadAllText(path)).Where(IsRelative))
        {
            var (target, anchor) = Split(url);
            var file = target.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(target)));
            if (!file.StartsWith(RepositoryFiles.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                broken.Add($"{url}: outside the repository");
            else if (!File.Exists(file) && !Directory.Exists(file))
                broken.Add($"{url}: no such file");
            else if (anchor is not null && file.EndsWith(".md", StringComparison.Ordinal) && !HeadingIds(File.ReadAllText(file)).Contains(anchor))
                broken.Add($"{url}: no heading #{anchor}");
        }
        Assert.True(broken.Count == 0, $"{document} has broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void The_readme_links_the_configuration_reference()
    {
        Assert.Contains("docs/configuration.md", Links(RepositoryFiles.Read("README.md")));
    }

    private static List<string> Links(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>().Select(l => l.Url ?? "").Where(u => u.Length > 0).ToList();

    private static HashSet<string> HeadingIds(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id ?? "").ToHashSet();

    /// <summary>No scheme (http:, mailto:) and not protocol-relative: a path into the repository.</summary>
    private static bool IsRelative(string url) => !Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith("//", StringComparison.Ordinal);

    private static (string Target, string? Anchor) Split(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? (url, null) : (url[..hash], url[(hash + 1)..]);
    }
}
