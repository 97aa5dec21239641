using ChatBot.Slack.Inbound;
using ChatBot.Slack.Install;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The request URLs to configure in the Slack app: /slack/commands, /slack/events, /slack/interactions, every
    /// one behind the signature filter; and the browser's side of an OAuth install: /slack/install and
    /// /slack/oauth/callback. They are Slack's protocol, not our API, so they stay out of the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapChatBotSlack(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>().ExcludeFromDescription();
        slack.MapPost("/commands", SlashCommandEndpoint.HandleAsync);
        slack.MapPost("/events", EventsEndpoint.HandleAsync);
        slack.MapPost("/interactions", InteractionsEndpoint.HandleAsync);

        var install = endpoints.MapGroup("/slack").ExcludeFromDescription();
        install.MapGet("/install", InstallEndpoint.Handle);
        install.MapGet("/oauth/callback", OAuthCallbackEndpoint.HandleAsync);
        return endpoints;
    }
}
