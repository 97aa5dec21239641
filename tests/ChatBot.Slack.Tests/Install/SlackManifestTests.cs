using ChatBot.Testing.Hosting;
using YamlDotNet.Serialization;

namespace ChatBot.Slack.Tests.Install;

/// <summary>
/// The app manifest asks for what the bot does and nothing it does not: each conversation type whose messages it
/// reads has both the history scope and the message event, and it may post where it was not invited.
/// </summary>
public sealed class SlackManifestTests
{
    private static readonly Dictionary<object, object> Manifest = Load();

    public static TheoryData<string> ConversationTypes => ["channels", "groups", "im", "mpim"];

    [Theory]
    [MemberData(nameof(ConversationTypes))]
    public void A_history_scope_comes_with_its_message_event_and_the_other_way_round(string conversationType)
    {
        Assert.Equal(Scopes().Contains($"{conversationType}:history"), Events().Contains($"message.{conversationType}"));
        Assert.Contains($"{conversationType}:history", Scopes());
    }

    [Fact]
    public void Mentions_have_their_scope_and_posts_may_go_to_public_channels_the_bot_was_not_invited_to()
    {
        Assert.Contains("app_mention", Events());
        Assert.Contains("app_mentions:read", Scopes());
        Assert.Contains("chat:write.public", Scopes());
    }

    [Fact]
    public void Every_scope_and_event_is_explained_in_the_readme()
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme[readme.IndexOf("### Slack scopes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        Assert.All(Scopes().Concat(Events()), name => Assert.Contains($"`{name}`", section));
    }

    private static List<string> Scopes() => Strings(Map(Map(Manifest["oauth_config"])["scopes"])["bot"]);

    private static List<string> Events() => Strings(Map(Map(Map(Manifest["settings"])["event_subscriptions"]))["bot_events"]);

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<string> Strings(object node) => ((List<object>)node).Cast<string>().ToList();

    private static Dictionary<object, object> Load() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(RepositoryFiles.Read("manifests/slack/manifest.yaml"));
}
