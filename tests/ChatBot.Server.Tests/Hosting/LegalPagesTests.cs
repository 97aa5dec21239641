using System.Net;
using ChatBot.Server.Tests.Infrastructure;

namespace ChatBot.Server.Tests.Hosting;

/// <summary>The Teams manifest's privacyUrl and termsOfUseUrl: served, built-in until the operator names a file.</summary>
public sealed class LegalPagesTests
{
    [Fact]
    public async Task Privacy_and_terms_are_served_to_anyone_with_a_built_in_text_that_says_how_to_replace_it()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();

        foreach (var (path, setting) in new[] { ("/privacy", "Legal__PrivacyFile"), ("/terms", "Legal__TermsFile") })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(setting, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_operators_files_replace_the_built_in_pages()
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-legal-");
        try
        {
            var privacy = Path.Combine(directory.FullName, "privacy.html");
            var terms = Path.Combine(directory.FullName, "terms.txt");
            await File.WriteAllTextAsync(privacy, "<!doctype html><title>Contoso privacy</title><p>We keep nothing.</p>");
            await File.WriteAllTextAsync(terms, "Use it kindly. <Really.>");
            await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite,
                new Dictionary<string, string?> { ["Legal:PrivacyFile"] = privacy, ["Legal:TermsFile"] = terms });
            using var client = app.CreateClient();

            Assert.Equal("<!doctype html><title>Contoso privacy</title><p>We keep nothing.</p>", await client.GetStringAsync("/privacy"));
            var termsPage = await client.GetStringAsync("/terms");
            Assert.Contains("<pre>Use it kindly. &lt;Really.&gt;</pre>", termsPage);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
