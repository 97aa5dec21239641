namespace ChatBot.Agent.Egress;

/// <summary>A fetch was refused because of where it would go; the message says why, for the model and the user.</summary>
public sealed class EgressDeniedException(string message) : HttpRequestException(message);
