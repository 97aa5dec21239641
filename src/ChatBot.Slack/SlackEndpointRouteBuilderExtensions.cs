using ChatBot.Slack.Inbound;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The request URLs to configure in the Slack app: /slack/commands, /slack/events, /slack/interactions.
    /// Every one sits behind the signature filter. They are Slack's protocol, not our API, so they stay out of
    /// the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapChatBotSlack(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>().ExcludeFromDescription();
        slack.MapPost("/commands", SlashCommandEndpoint.HandleAsync);
        slack.MapPost("/events", EventsEndpoint.HandleAsync);
        slack.MapPost("/interactions", InteractionsEndpoint.HandleAsync);
        return endpoints;
    }
}
