using System.Text.Json;
using ChatBot.Teams.Activities;
using ChatBot.Core.Chat;
using ChatBot.Testing.Teams;

namespace ChatBot.Teams.Tests.Activities;

/// <summary>A Teams sender is known by the 29:… Teams id and the AAD object id; admins may be configured by either.</summary>
public sealed class TeamsConversationUserTests
{
    [Fact]
    public void The_sender_carries_both_the_teams_id_and_the_aad_object_id()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsActivities.Message("https://smba.example", "hi", fromId: "29:bob", fromName: "Bob").ToJsonString())!;

        var user = TeamsConversation.UserOf(activity)!;

        Assert.Equal(new ChatUser("29:bob", "Bob", "aad-29:bob"), user);
        Assert.Equal(["29:bob", "aad-29:bob"], user.Ids);
    }
}
