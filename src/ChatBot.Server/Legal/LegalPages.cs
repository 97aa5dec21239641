using System.Net;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Legal;

/// <summary>
/// <c>GET /privacy</c> and <c>GET /terms</c>: the pages the Teams manifest's <c>privacyUrl</c> and
/// <c>termsOfUseUrl</c> point at. Open to anyone, like the manifest that links them.
/// </summary>
public static class LegalPages
{
    private const string BuiltInPrivacy =
        "This ChatBot server stores what it needs to do its work: the messages and commands addressed to it, the runs, " +
        "monitors, approvals and receipts they create, and the chat platform identifiers of the people involved. " +
        "It shares a request's content only with the model, search and other services its operator configured. " +
        "Ask the operator of this server about retention and deletion.";

    private const string BuiltInTerms =
        "This ChatBot server is provided by its operator as is. Answers come from a language model and may be wrong; " +
        "check them before acting on them. Actions that change things outside the chat wait for a person's approval.";

    public static IEndpointRouteBuilder MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", (IOptions<LegalOptions> legal, CancellationToken ct) =>
            PageAsync("Privacy statement", legal.Value.PrivacyFile, BuiltInPrivacy, LegalOptions.Section + "__PrivacyFile", ct))
            .ExcludeFromDescription();
        endpoints.MapGet("/terms", (IOptions<LegalOptions> legal, CancellationToken ct) =>
            PageAsync("Terms of use", legal.Value.TermsFile, BuiltInTerms, LegalOptions.Section + "__TermsFile", ct))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PageAsync(string title, string? file, string builtIn, string setting, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(file))
            return Html(title, $"<p>{WebUtility.HtmlEncode(builtIn)}</p>\n<p class=\"note\">The operator replaces this text with <code>{setting}</code>.</p>");
        var content = await File.ReadAllTextAsync(file, ct);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension is ".html" or ".htm"
            ? Results.Content(content, "text/html; charset=utf-8")
            : Html(title, $"<pre>{WebUtility.HtmlEncode(content)}</pre>");
    }

    private static IResult Html(string title, string body) => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · ChatBot</title><link rel="icon" href="/favicon.svg">
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit}.note{color:#666;font-size:.9em}</style></head>
        <body><h1>{{title}}</h1>
        {{body}}
        </body></html>
        """, "text/html; charset=utf-8");
}
