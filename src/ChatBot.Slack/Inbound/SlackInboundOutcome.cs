using System.Text.Json.Nodes;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// What handling one Slack delivery produced, independent of how it arrived: the body to answer with (the HTTP
/// response, or the Socket Mode ack's payload), or a rejection, and the follow-ups to run once Slack has its answer.
/// </summary>
internal sealed class SlackInboundOutcome
{
    private readonly List<SlackFollowUp> _followUps = [];

    private SlackInboundOutcome(JsonObject? body, SlackRejection? rejection)
    {
        Body = body;
        Rejection = rejection;
    }

    /// <summary>A plain acknowledgement: an empty 200, an ack without payload.</summary>
    public static SlackInboundOutcome Acknowledged() => new(null, null);

    public static SlackInboundOutcome Answer(JsonObject body) => new(body, null);

    public static SlackInboundOutcome Rejected(string code, string message) => new(null, new SlackRejection(code, message));

    public JsonObject? Body { get; }

    public SlackRejection? Rejection { get; }

    public IReadOnlyList<SlackFollowUp> FollowUps => _followUps;

    public SlackInboundOutcome Then(string what, Func<CancellationToken, Task> work)
    {
        _followUps.Add(new SlackFollowUp(what, work));
        return this;
    }
}
