using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Loop;

/// <summary>The conversation a paused run keeps in its row, in Microsoft.Extensions.AI's own JSON shape.</summary>
public static class TranscriptCodec
{
    public static string Serialize(IReadOnlyList<ChatMessage> messages) =>
        JsonSerializer.Serialize(messages, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IReadOnlyList<ChatMessage>)));

    public static List<ChatMessage> Deserialize(string transcript) =>
        (List<ChatMessage>?)JsonSerializer.Deserialize(transcript, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>)))
        ?? throw new InvalidOperationException("The run's saved transcript is empty.");
}
