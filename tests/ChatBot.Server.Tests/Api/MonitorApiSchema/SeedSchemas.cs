using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ChatBot.Server.Tests.Api.MonitorApiSchema;

/// <summary>The Monitor API seed's component schemas (pinned JSON next to this file), as validators.</summary>
public static class SeedSchemas
{
    // The validator resolves references under "definitions", so the OpenAPI component paths are moved there.
    private static readonly Lazy<JsonNode> Definitions = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Api", "MonitorApiSchema", "monitor-api-schemas.json"))
            .Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))!["components"]!["schemas"]!);

    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new();

    /// <summary>Fails the test with every violation when <paramref name="body"/> does not match the named schema.</summary>
    public static async Task AssertConformsAsync(JsonElement body, string schemaName)
    {
        var errors = await ViolationsAsync(body, schemaName);
        Assert.True(errors.Count == 0, $"{schemaName} violated by {body.GetRawText()}:\n" + string.Join("\n", errors));
    }

    public static async Task<IReadOnlyList<string>> ViolationsAsync(JsonElement body, string schemaName)
    {
        var schema = await Schemas.GetOrAdd(schemaName, name =>
        {
            // The named schema is the root, with every definition beside it for its references.
            var document = (JsonObject)Definitions.Value[name]!.DeepClone();
            document["definitions"] = Definitions.Value.DeepClone();
            return JsonSchema.FromJsonAsync(document.ToJsonString());
        });
        return schema.Validate(body.GetRawText()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }
}
