using System.Text;
using System.Text.Json;
using ChatBot.Slack.Payloads;

namespace ChatBot.Slack.Tests.Payloads;

/// <summary>
/// The one parse point for inbound Slack JSON: broken text is bad input, JSON that is not an object carries nothing,
/// and a wrong-typed field inside an object reads as absent instead of failing the whole payload.
/// </summary>
public sealed class SlackPayloadReaderTests
{
    private static T? Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class => SlackPayloadReader.Read(Encoding.UTF8.GetBytes(json), type);

    [Fact]
    public void An_event_callback_reads_into_the_envelope_and_its_event()
    {
        var envelope = Read("""
            {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1,
             "authorizations":[{"team_id":"T1","user_id":"U0BOT","is_bot":true}],
             "event":{"type":"message","channel_type":"im","user":"U1","text":"hi","ts":"1.2","thread_ts":"1.1","channel":"D1"}}
            """, SlackPayloadContext.Default.SlackEventEnvelope)!;

        Assert.Equal(("event_callback", "T1", "Ev1"), (envelope.Type, envelope.TeamId, envelope.EventId));
        Assert.Equal("U0BOT", Assert.Single(envelope.Authorizations!)!.UserId);
        Assert.Equal(
            new SlackEvent { Type = "message", ChannelType = "im", User = "U1", Text = "hi", Ts = "1.2", ThreadTs = "1.1", Channel = "D1" },
            envelope.Event);
    }

    [Fact]
    public void Wrong_typed_fields_read_as_absent_and_array_positions_are_kept()
    {
        var envelope = Read("""
            {"type":"event_callback","team_id":7,"event_id":"","authorizations":{"user_id":"U0BOT"},
             "event":{"type":"tokens_revoked","user":[],"text":{"a":[1,2]},"ts":1.5,"bot_id":null,"tokens":{"bot":[3,"B1"]}}}
            """, SlackPayloadContext.Default.SlackEventEnvelope)!;
        var interaction = Read("""
            {"type":"block_actions","team":"T1","user":{"id":"U1","name":5},"container":{"is_ephemeral":"yes"},"message":5,
             "actions":[7,"a",null,{"action_id":3,"value":"v"}]}
            """, SlackPayloadContext.Default.SlackInteraction)!;
        var socket = Read("""{"type":"events_api","envelope_id":"E1","accepts_response_payload":"true","retry_attempt":1.5,"payload":[]}""",
            SlackPayloadContext.Default.SlackSocketMessage)!;

        Assert.Null(envelope.TeamId);
        Assert.Null(envelope.EventId);
        Assert.Null(envelope.Authorizations);
        var ev = envelope.Event!;
        Assert.Equal("tokens_revoked", ev.Type);
        Assert.Null(ev.User);
        Assert.Null(ev.Text);
        Assert.Null(ev.Ts);
        Assert.Null(ev.BotId);
        Assert.Equal(new string?[] { null, "B1" }, ev.Tokens!.Bot!);

        Assert.Null(interaction.Team);
        Assert.Equal(new SlackInteractionUser { Id = "U1" }, interaction.User);
        Assert.False(interaction.Container!.IsEphemeral);
        Assert.Null(interaction.Message);
        Assert.Equal(new SlackAction?[] { null, null, null, new SlackAction { Value = "v" } }, interaction.Actions!);

        Assert.False(socket.AcceptsResponsePayload);
        Assert.Equal(0, socket.RetryAttempt);
        Assert.Equal(JsonValueKind.Array, socket.Payload!.Value.ValueKind);
        Assert.Null(SlackPayloadReader.Read(socket.Payload, SlackPayloadContext.Default.SlackEventEnvelope));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"block_actions\"")]
    [InlineData(" null ")]
    [InlineData("7")]
    public void Json_that_is_not_an_object_carries_nothing(string json) =>
        Assert.Null(Read(json, SlackPayloadContext.Default.SlackInteraction));

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\":")]
    [InlineData("[1")]
    [InlineData("[1] x")]
    [InlineData("{} {}")]
    [InlineData("not json")]
    public void Text_that_is_not_json_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => Read(json, SlackPayloadContext.Default.SlackInteraction));
}
