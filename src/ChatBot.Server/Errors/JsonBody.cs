using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Errors;

/// <summary>
/// Reads a JSON request body into a request record. Problems come back as a 4xx in the one error shape, naming
/// the JSON field and the type it should have (never a .NET type): syntax first, then each field's type.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Body, ApiProblem? Problem)> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (!http.Request.HasJsonContentType())
            return (null, ApiErrors.Result(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, ct);
        }
        catch (JsonException ex)
        {
            return (null, ApiErrors.Result(400, "INVALID_JSON", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ApiErrors.Result(400, "INVALID_BODY", "Send a JSON object."));
            var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            try
            {
                return (document.RootElement.Deserialize<T>(options)!, null);
            }
            catch (JsonException ex)
            {
                return (null, ApiErrors.Result(400, "INVALID_FIELD", JsonFieldTypes.Explain(ex.Path, typeof(T), options)));
            }
        }
    }
}
