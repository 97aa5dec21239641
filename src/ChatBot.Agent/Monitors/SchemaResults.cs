using System.Text.Json;
using ChatBot.Agent.Loop;

namespace ChatBot.Agent.Monitors;

/// <summary>Fills a monitor's output schema from a detection's evidence with the model, and checks the answer.</summary>
public sealed class SchemaResults(ModelJudge judge)
{
    public async Task<(string Json, int Credits)> ExtractAsync(string schemaJson, string query, string evidence, CancellationToken ct)
    {
        if (!judge.IsAvailable) throw new InvalidOperationException("Monitors with an output_schema need a model provider (Agent__Provider).");
        var schema = OutputSchema.Parse(schemaJson);
        var (answer, credits) = await judge.AskAsync(
            $"A monitor watching \"{query}\" found the change below. Fill this JSON object from it, using only these properties:\n{schema.Describe()}",
            UntrustedData.Wrap("monitor", evidence), ct);
        if (answer is not { } result) throw new InvalidDataException("The model's structured result was not JSON.");
        if (result.TryGetProperty("result", out var inner) && inner.ValueKind == JsonValueKind.Object) result = inner;
        if (schema.Validate(result) is { } problem) throw new InvalidDataException($"The model's structured result does not match the output_schema: {problem}");
        return (result.GetRawText(), credits);
    }
}
