using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace ChatBot.Server.Security;

/// <summary>
/// Request body caps per surface, far below Kestrel's 30 MB default: a playground line is at most a few kilobytes,
/// chat deliveries and API calls well under a megabyte. A declared length over the cap is refused before any byte
/// is read; an undeclared one is cut off by the server while reading.
/// </summary>
public static class RequestBodyLimits
{
    public const long Playground = 64 * 1024;
    public const long ChatAndApi = 1024 * 1024;

    private static readonly (string Prefix, long Limit)[] Limits =
    [
        ("/api/playground", Playground),
        ("/api", ChatAndApi),
        ("/v1alpha", ChatAndApi),
        ("/slack", ChatAndApi),
    ];

    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var limit = LimitFor(http.Request.Path);
            if (limit is null) return next(http);
            if (http.Request.ContentLength > limit)
                return ApiErrors.WriteAsync(http, 413, "BODY_TOO_LARGE", $"Request bodies here are at most {limit / 1024} KB.");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            return next(http);
        });
        return app;
    }

    public static long? LimitFor(PathString path)
    {
        foreach (var (prefix, limit) in Limits)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return limit;
        return null;
    }
}
