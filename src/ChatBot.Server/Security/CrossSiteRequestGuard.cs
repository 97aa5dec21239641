using ChatBot.Server.Errors;

namespace ChatBot.Server.Security;

/// <summary>
/// A cross-site HTML form can POST to the ops API or the playground with the operator's browser credentials, but it
/// can send neither a JSON content type nor a custom header without a CORS preflight this server never grants. So
/// every state-changing call there needs one of the two.
/// </summary>
public sealed class CrossSiteRequestGuard : IEndpointFilter
{
    public const string CustomHeader = "X-Requested-With";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Check(context.HttpContext) ?? await next(context);

    public static IResult? Check(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;
        if (request.HasJsonContentType() || request.Headers.ContainsKey(CustomHeader)) return null;
        return ApiErrors.Result(415, "JSON_OR_CUSTOM_HEADER_REQUIRED",
            $"State-changing ops and playground calls need Content-Type: application/json or an {CustomHeader} header.");
    }
}
