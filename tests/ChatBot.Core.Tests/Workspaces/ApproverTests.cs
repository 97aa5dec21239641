using ChatBot.Core.Chat;
using ChatBot.Core.Workspaces;

namespace ChatBot.Core.Tests.Workspaces;

/// <summary>An admin may name an approver by any id the person has (on Teams: the AAD object id or the 29:… id).</summary>
public sealed class ApproverTests
{
    private static readonly ChatUser TeamsUser = new("29:bob", "Bob", DirectoryId: "0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData("29:bob")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void An_approver_named_by_either_id_may_decide(string namedId)
    {
        var workspace = new Workspace("T1", "Acme", DateTimeOffset.UnixEpoch);
        workspace.ApproverIds.Add(namedId);

        Assert.True(workspace.IsApprover(TeamsUser, isPlatformAdmin: false));
        Assert.False(workspace.IsApprover(new ChatUser("29:carol", "Carol", "aad-carol"), isPlatformAdmin: false));
    }

    [Fact]
    public void A_platform_admin_always_may()
    {
        Assert.True(new Workspace("T1", "Acme", DateTimeOffset.UnixEpoch).IsApprover(TeamsUser, isPlatformAdmin: true));
    }
}
