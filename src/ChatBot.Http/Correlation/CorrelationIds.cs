using ChatBot.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Http.Correlation;

/// <summary>
/// One correlation id per request, in the same <c>mr_</c> form as run receipts: the request's
/// <see cref="HttpContext.TraceIdentifier"/>, echoed in <see cref="Header"/>, in every error body, and in a logging
/// scope around everything logged while the request is handled.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const string LogProperty = "CorrelationId";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationIds).FullName!);
        return app.Use(async (context, next) =>
        {
            context.TraceIdentifier = Ids.NewCorrelationId();
            context.Response.Headers[Header] = context.TraceIdentifier;
            using (logger.BeginScope(new Dictionary<string, object> { [LogProperty] = context.TraceIdentifier }))
                await next(context);
        });
    }
}
