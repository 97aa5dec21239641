using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Tokens;
using ChatBot.Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Application;

/// <summary>Workspace tokens as the admin API and the ops bootstrap issue, rotate and revoke them.</summary>
public sealed class TokenIssuingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_bootstrap_creates_the_workspace_and_a_rotation_replaces_the_secret_in_one_commit()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        await using var db = jobs.Open();
        var tokens = jobs.Create<TokenIssuing>(db);

        var first = await tokens.IssueAsync("T1", " ci ", [TokenScopes.Trigger], createWorkspace: true, CancellationToken.None);
        var rotated = await tokens.RotateAsync("T1", first.Subject!.Token.Id, CancellationToken.None);

        Assert.Equal(OutcomeKind.Changed, rotated.Kind);
        Assert.Equal("ci", rotated.Subject!.Token.Name);
        Assert.Equal([TokenScopes.Trigger], rotated.Subject.Token.Scopes);
        Assert.NotEqual(first.Subject.Plaintext, rotated.Subject.Plaintext);
        await using var read = jobs.Open();
        Assert.True(await read.Workspaces.AnyAsync(w => w.Id == "T1"));
        var stored = await read.WorkspaceTokens.AsNoTracking().ToDictionaryAsync(t => t.Id);
        Assert.False(stored[first.Subject.Token.Id].IsActive);
        Assert.True(stored[rotated.Subject.Token.Id].IsActive);
        Assert.Equal(OutcomeKind.NotFound, (await tokens.RotateAsync("T1", first.Subject.Token.Id, CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.AlreadyInState, (await tokens.RevokeAsync("T1", first.Subject.Token.Id, CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await tokens.RevokeAsync("T2", rotated.Subject.Token.Id, CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task A_rotation_that_loses_to_a_revoke_mints_no_successor()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        string tokenId;
        await using (var setup = jobs.Open())
            tokenId = (await jobs.Create<TokenIssuing>(setup).IssueAsync("T1", "ci", [TokenScopes.Trigger], createWorkspace: true, CancellationToken.None)).Subject!.Token.Id;
        await using var db = jobs.OpenOvertakenAfterRead(other => other.WorkspaceTokens.Single().Revoke(Now));

        var outcome = await jobs.Create<TokenIssuing>(db).RotateAsync("T1", tokenId, CancellationToken.None);

        Assert.Equal(OutcomeKind.AlreadyInState, outcome.Kind);
        Assert.Contains("revoked or rotated meanwhile", outcome.Reason);
        await using var read = jobs.Open();
        var token = Assert.Single(await read.WorkspaceTokens.AsNoTracking().ToListAsync());
        Assert.False(token.IsActive);
    }
}
