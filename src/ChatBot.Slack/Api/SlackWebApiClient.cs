namespace ChatBot.Slack.Api;

/// <summary>
/// The Slack Web API the bot uses, one class per method family (<see cref="Chat"/>, <see cref="Conversations"/>,
/// <see cref="Users"/>, <see cref="OAuth"/>, <see cref="Apps"/>) over one <see cref="SlackApiTransport"/>, plus
/// interaction <see cref="ResponseUrls"/>.
/// </summary>
public sealed class SlackWebApiClient(
    SlackChatApi chat, SlackConversationsApi conversations, SlackUsersApi users, SlackOAuthApi oauth, SlackAppsApi apps, SlackResponseUrls responseUrls)
{
    public const string HttpClientName = SlackApiTransport.HttpClientName;

    public const string ResponseUrlClientName = SlackResponseUrls.HttpClientName;

    public SlackChatApi Chat { get; } = chat;

    public SlackConversationsApi Conversations { get; } = conversations;

    public SlackUsersApi Users { get; } = users;

    public SlackOAuthApi OAuth { get; } = oauth;

    public SlackAppsApi Apps { get; } = apps;

    public SlackResponseUrls ResponseUrls { get; } = responseUrls;
}
