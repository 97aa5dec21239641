using System.Text.Json.Nodes;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Payloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Hands a Socket Mode envelope to the same handler its HTTP twin would reach, acknowledges it with what that
/// endpoint would have answered (the ack's payload), then runs the follow-ups, as the HTTP endpoints do after
/// their response. One DI scope per envelope, as per request.
/// </summary>
internal sealed class SlackEnvelopeDispatcher(IServiceScopeFactory scopes, ILogger<SlackEnvelopeDispatcher> logger)
{
    public async Task HandleAsync(SlackSocketEnvelope envelope, Func<JsonObject, CancellationToken, Task> acknowledge, CancellationToken ct)
    {
        SlackInboundOutcome outcome;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                outcome = await HandleWithAsync(scope.ServiceProvider, envelope, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Like a 500 over HTTP: no ack, so Slack redelivers, and the delivery id keeps the retry harmless.
                logger.LogError(ex, "Slack Socket Mode {Type} envelope {EnvelopeId} failed; left unacknowledged for Slack to retry",
                    envelope.Type, envelope.EnvelopeId);
                return;
            }
        }

        if (outcome.Rejection is { } rejection)
            logger.LogWarning("Slack Socket Mode {Type} envelope {EnvelopeId} rejected: {Code} {Message}",
                envelope.Type, envelope.EnvelopeId, rejection.Code, rejection.Message);

        var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
        // Slash commands always take a response payload; interactions only when Slack says so.
        if (outcome.Body is { } body && (envelope.Type == SlackSocketEnvelope.SlashCommands || envelope.AcceptsResponsePayload))
            ack["payload"] = body;
        await acknowledge(ack, ct);

        foreach (var followUp in outcome.FollowUps) await followUp.RunAsync(logger);
    }

    private Task<SlackInboundOutcome> HandleWithAsync(IServiceProvider services, SlackSocketEnvelope envelope, CancellationToken ct)
    {
        switch (envelope.Type)
        {
            case SlackSocketEnvelope.EventsApi:
                return services.GetRequiredService<EventCallbackHandler>()
                    .HandleAsync(SlackPayloadReader.Read(envelope.Payload, SlackPayloadContext.Default.SlackEventEnvelope), ct);
            case SlackSocketEnvelope.SlashCommands when SlackPayloadReader.Read(envelope.Payload, SlackPayloadContext.Default.SlackSlashCommand) is { } command:
                return services.GetRequiredService<SlashCommandHandler>().HandleAsync(command, ct);
            case SlackSocketEnvelope.Interactive:
                return services.GetRequiredService<InteractionHandler>()
                    .HandleAsync(SlackPayloadReader.Read(envelope.Payload, SlackPayloadContext.Default.SlackInteraction), ct);
            default:
                logger.LogDebug("Slack Socket Mode {Type} envelope acknowledged and dropped", envelope.Type);
                return Task.FromResult(SlackInboundOutcome.Acknowledged());
        }
    }
}
