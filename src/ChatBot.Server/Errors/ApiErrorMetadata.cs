using Microsoft.AspNetCore.Http.Metadata;

namespace ChatBot.Server.Errors;

public static class ApiErrorMetadata
{
    /// <summary>What reading a JSON body may answer: malformed or mistyped (400), too large (413), not JSON (415).</summary>
    public static readonly int[] JsonBody = [400, 413, 415];

    /// <summary>What a token policy may answer: no valid token (401), wrong workspace or scope (403), over its rate or throttled (429).</summary>
    public static readonly int[] TokenAuth = [401, 403, 429];

    /// <summary>Lists <paramref name="statuses"/> in the OpenAPI document as answered in the one error shape.</summary>
    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder endpoints, params IEnumerable<int> statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses.Distinct())
            endpoints.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]));
        return endpoints;
    }
}
