using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// Generated metadata for the inbound Slack payloads. Every string, flag and count is read leniently, so a
/// wrong-typed field reads as absent instead of failing the payload (see <see cref="SlackPayloadReader"/>).
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(LenientStringConverter), typeof(LenientBooleanConverter), typeof(LenientInt32Converter)])]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackUrlVerification))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackSlashCommand))]
[JsonSerializable(typeof(SlackSocketMessage))]
internal sealed partial class SlackPayloadContext : JsonSerializerContext;
