using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Install;

/// <summary>The small page a person sees at the end of an install (or of a failed one), in their browser.</summary>
internal static class InstallPage
{
    public static IResult Show(int status, string title, string message, string? linkText = null, string? linkUrl = null)
    {
        var link = linkUrl is null ? "" : $"""<p><a href="{WebUtility.HtmlEncode(linkUrl)}">{WebUtility.HtmlEncode(linkText)}</a></p>""";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}</style>
            </head><body><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(message)}}</p>{{link}}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
