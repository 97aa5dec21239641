namespace ChatBot.Testing.Models;

/// <summary>One scripted model turn: text, or tool calls (name + JSON arguments), with the usage it reports.</summary>
public sealed record ScriptedModelReply(string? Text, IReadOnlyList<ScriptedToolCall> ToolCalls, int PromptTokens = 120, int CompletionTokens = 30)
{
    public static ScriptedModelReply Answer(string text) => new(text, []);

    public static ScriptedModelReply Call(string name, string argumentsJson, string? id = null) =>
        new(null, [new ScriptedToolCall(id ?? $"call_{Guid.NewGuid():N}"[..16], name, argumentsJson)]);
}

public sealed record ScriptedToolCall(string Id, string Name, string ArgumentsJson);
