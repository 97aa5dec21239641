using System.Text;
using ChatBot.Server.Errors;

namespace ChatBot.Server.Security;

/// <summary>
/// Refuses NUL characters in paths and bodies before any handler sees them: PostgreSQL cannot store them in text,
/// SQLite can, and a request should mean the same on both stores. Bodies are already capped in size
/// (<see cref="RequestBodyLimits"/>), so reading one into memory to look is cheap.
/// </summary>
public static class NulCharacterGuard
{
    // Raw, as a JSON escape, and form-encoded.
    private static readonly byte[][] Encodings = [[0], Encoding.ASCII.GetBytes("\\u0000"), Encoding.ASCII.GetBytes("%00")];

    public static WebApplication UseNulCharacterGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if ((http.Request.Path.Value ?? "").Contains('\0') || http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
            {
                await RefuseAsync(http);
                return;
            }
            if (RequestBodyLimits.LimitFor(http.Request.Path) is not null && (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0))
            {
                http.Request.EnableBuffering();
                using var copy = new MemoryStream();
                await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
                http.Request.Body.Position = 0;
                var body = copy.GetBuffer().AsSpan(0, (int)copy.Length);
                foreach (var encoding in Encodings)
                {
                    if (body.IndexOf(encoding) < 0) continue;
                    await RefuseAsync(http);
                    return;
                }
            }
            await next(http);
        });
        return app;
    }

    private static Task RefuseAsync(HttpContext http) =>
        ApiErrors.WriteAsync(http, 400, "NUL_CHARACTER", "Text may not contain NUL characters (U+0000).");
}
