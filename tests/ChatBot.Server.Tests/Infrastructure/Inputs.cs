using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;

namespace ChatBot.Server.Tests.Infrastructure;

/// <summary>Neutral inputs as an adapter would hand them to the inbox.</summary>
public static class Inputs
{
    public static readonly ChatAddress Channel = new(ChatPlatform.Playground, "playground", "general");
    public static readonly ChatUser Alice = new("U_ALICE", "alice");
    public static readonly ChatUser Bob = new("U_BOB", "bob");

    public static CommandInvocation Task(string text, string? deliveryId = null, ChatAddress? at = null) =>
        new(deliveryId ?? Guid.NewGuid().ToString("N"), at ?? Channel.InThread("t-" + Guid.NewGuid().ToString("N")[..8]), Alice, new AgentTaskCommand(text));

    public static CommandInvocation Command(ChatCommand command, ChatAddress? at = null, ChatUser? by = null) =>
        new(Guid.NewGuid().ToString("N"), at ?? Channel, by ?? Alice, command);

    public static ButtonAction Click(string actionId, string value, ChatUser? by = null) =>
        new(Guid.NewGuid().ToString("N"), Channel, by ?? Bob, actionId, value, null);
}
