using System.Text.Json.Serialization;

namespace ChatBot.Teams.Connector;

/// <summary>The connector's answer to a post or conversation creation: the new activity's or conversation's id.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id);
