using System.Text.Json.Nodes;

namespace ChatBot.Testing.Teams;

/// <summary>One call the bot made to the connector double: <see cref="Kind"/> is send, reply, update or create.</summary>
public sealed record ConnectorRequest(string Kind, string ConversationId, string? ActivityId, string? Authorization, JsonObject Body);
