using ChatBot.Core.Workspaces;

namespace ChatBot.Core.Tests.Workspaces;

public sealed class WorkspaceTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issued_plaintext_parses_back_and_matches_only_its_secret()
    {
        var (token, plaintext) = WorkspaceToken.Issue("ws_1", "ci", [TokenScopes.All.First()], Now);

        var parsed = WorkspaceToken.Parse(plaintext);

        Assert.NotNull(parsed);
        Assert.Equal(token.Id, parsed.Value.Id);
        Assert.True(token.Matches(parsed.Value.Secret));
        Assert.False(token.Matches(parsed.Value.Secret + "x"));
        Assert.DoesNotContain(parsed.Value.Secret, token.SecretHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("cbt_")]
    [InlineData("cbt_.secret")]
    [InlineData("cbt_tok_abc.")]
    [InlineData("xyz_tok_abc.secret")]
    public void Foreign_or_malformed_tokens_do_not_parse(string? presented) => Assert.Null(WorkspaceToken.Parse(presented));

    [Fact]
    public void Revoked_tokens_are_inactive()
    {
        var (token, _) = WorkspaceToken.Issue("ws_1", "ci", [TokenScopes.All.First()], Now);
        token.Revoke(Now);
        Assert.False(token.IsActive);
    }

    [Fact]
    public void Webhooks_are_allowed_only_for_listed_https_urls_or_prefixes()
    {
        var workspace = new Workspace("ws_1", "Acme", Now);
        workspace.WebhookAllowlist.Add("https://hooks.example.com/chatbot/");
        workspace.WebhookAllowlist.Add("https://other.example.com/exact");
        Assert.True(workspace.AllowsWebhook(new Uri("https://hooks.example.com/chatbot/runs")));
        Assert.True(workspace.AllowsWebhook(new Uri("https://other.example.com/exact")));
        Assert.False(workspace.AllowsWebhook(new Uri("https://other.example.com/exact/more")));
        Assert.False(workspace.AllowsWebhook(new Uri("https://hooks.example.com.evil.io/chatbot/runs")));
        Assert.False(workspace.AllowsWebhook(new Uri("http://hooks.example.com/chatbot/runs")));
    }

    [Fact]
    public void Spend_resets_on_the_first_of_next_month()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Workspace.NextSpendReset(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero)));
    }
}
