namespace ChatBot.Testing.Teams;

/// <summary>A channel message as the Graph double serves it (a chatMessage); <see cref="MessageType"/> other than "message" is a system event.</summary>
public sealed record GraphChannelMessage(string Id, DateTimeOffset Created, string AuthorName, string Html, string MessageType = "message")
{
    public DateTimeOffset? Deleted { get; init; }
    public DateTimeOffset LastModified { get; init; } = Created;
}
