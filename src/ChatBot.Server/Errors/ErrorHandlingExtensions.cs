using ChatBot.Http.Correlation;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatBot.Server.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// Unhandled exceptions become a 500 in the one error shape with the correlation id (logged with it);
    /// bad request bodies a 400; unmatched routes a 404 JSON body.
    /// </summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseCorrelationIds();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad input that only the database noticed is answered with a 4xx below; it is not a server fault to log.
            SuppressDiagnosticsCallback = c => UnstorableInput.IsCause(c.Exception) || c.Exception is BadHttpRequestException or System.Text.Json.JsonException,
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (StorageOutage.IsCause(error))
                {
                    context.Response.Headers.RetryAfter = "5";
                    await ApiErrors.WriteAsync(context, 503, "STORAGE_UNAVAILABLE",
                        $"The database is unreachable; nothing was accepted. Retry shortly (correlation id {context.TraceIdentifier}).");
                    return;
                }
                var (status, code, message) = error switch
                {
                    _ when UnstorableInput.IsCause(error) => (400, "UNSTORABLE_TEXT", "A value holds a NUL character or is longer than allowed; nothing was stored."),
                    BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => (400, "INVALID_FIELD", FieldProblem(context, json)),
                    BadHttpRequestException bad => (bad.StatusCode, "BAD_REQUEST", "The request could not be read: " + bad.Message),
                    System.Text.Json.JsonException => (400, "INVALID_JSON", "The request body is not valid JSON."),
                    _ => (500, "INTERNAL", $"Internal error. Quote correlation id {context.TraceIdentifier} to support."),
                };
                await ApiErrors.WriteAsync(context, status, code, message);
            },
        });
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null) return;
            var (code, message) = context.Response.StatusCode switch
            {
                404 => ("NOT_FOUND", "No matching route"),
                405 => ("METHOD_NOT_ALLOWED", "This route does not accept that method."),
                415 => ("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."),
                401 => ("AUTH_REQUIRED", "Authentication required."),
                403 => ("FORBIDDEN", "Not allowed."),
                _ => ("ERROR", "The request failed."),
            };
            await ApiErrors.WriteAsync(context, context.Response.StatusCode, code, message);
        });
        return app;
    }

    /// <summary>A body bound by the framework that did not fit: named by its JSON field, as <see cref="JsonBody"/> does.</summary>
    private static string FieldProblem(HttpContext context, System.Text.Json.JsonException error)
    {
        var requestType = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return requestType is null ? "The body does not have the expected fields and types." : JsonFieldTypes.Explain(error.Path, requestType, options);
    }
}
