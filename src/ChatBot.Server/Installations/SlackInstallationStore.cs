using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using ChatBot.Slack.Install;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Installations;

/// <summary>
/// Slack OAuth installs in the database, bot token encrypted with Data Protection (keys shared by the nodes).
/// An install also creates (or names) the team's workspace and greets the installer by DM, all in one
/// transaction; the greeting is posted by the message delivery job.
/// </summary>
public sealed class SlackInstallationStore(
    IDbContextFactory<ChatBotDbContext> factory, IDataProtectionProvider protection, WorkScheduler scheduler, TimeProvider time)
    : ISlackInstallationStore
{
    private IDataProtector Protector => protection.CreateProtector("ChatBot.BotInstallation.BotToken");

    public async Task<string?> FindBotTokenAsync(string teamId, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var protectedToken = await db.BotInstallations.AsNoTracking()
            .Where(i => i.Platform == ChatPlatform.Slack && i.WorkspaceId == teamId)
            .Select(i => i.ProtectedBotToken)
            .SingleOrDefaultAsync(ct);
        return string.IsNullOrEmpty(protectedToken) ? null : Protector.Unprotect(protectedToken);
    }

    public async Task SaveAsync(SlackInstallation installation, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = factory.CreateDbContext();
        var stored = await db.BotInstallations.SingleOrDefaultAsync(i => i.Platform == ChatPlatform.Slack && i.WorkspaceId == installation.TeamId, ct);
        if (stored is null) db.BotInstallations.Add(stored = new BotInstallation(ChatPlatform.Slack, installation.TeamId, now));
        stored.Record(installation.AppId, installation.BotUserId, Protector.Protect(installation.BotToken), installation.Scopes, installation.InstalledBy, now);

        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == installation.TeamId, ct);
        if (workspace is null) db.Workspaces.Add(new Workspace(installation.TeamId, installation.TeamName, now));
        // A workspace first met through a command was named by its id; the install knows the real name.
        else if (workspace.Name == workspace.Id) workspace.Name = installation.TeamName;

        OutboundMessage? greeting = null;
        if (installation.InstalledBy.Length > 0)
        {
            var installer = new ChatUser(installation.InstalledBy, null);
            greeting = new OutboundMessage(new ChatAddress(ChatPlatform.Slack, installation.TeamId, installation.InstalledBy), Greeting(installation), now, directTo: installer);
            db.OutboundMessages.Add(greeting);
        }
        await scheduler.SaveAndScheduleAsync(db, s =>
        {
            if (greeting is not null) s.MessageDelivery(greeting.Id);
        }, ct);
    }

    public async Task RecordConfiguredTokenTeamAsync(string teamId, string teamName, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = factory.CreateDbContext();
        if (!await db.BotInstallations.AnyAsync(i => i.Platform == ChatPlatform.Slack && i.WorkspaceId == teamId, ct))
            db.BotInstallations.Add(BotInstallation.ConfiguredToken(ChatPlatform.Slack, teamId, now));
        if (!await db.Workspaces.AnyAsync(w => w.Id == teamId, ct)) db.Workspaces.Add(new Workspace(teamId, teamName, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node recorded it first; the rows are the same.
        }
    }

    public async Task<bool> TryConsumeStateAsync(string nonce, CancellationToken ct)
    {
        // The delivery table's key makes the first use win on every node; a second insert of the same id fails.
        var id = "slack-oauth-state:" + nonce;
        await using var db = factory.CreateDbContext();
        db.InboundDeliveries.Add(new InboundDelivery(id, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var fresh = factory.CreateDbContext();
            if (await fresh.InboundDeliveries.AnyAsync(d => d.Id == id, ct)) return false;
            throw;
        }
    }

    public async Task RemoveAsync(string teamId, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        await db.BotInstallations.Where(i => i.Platform == ChatPlatform.Slack && i.WorkspaceId == teamId).ExecuteDeleteAsync(ct);
    }

    private static TextView Greeting(SlackInstallation installation) => new(
        $"👋 Thanks for installing ChatBot in *{installation.TeamName}*. Invite me to a channel with `/invite @ChatBot`, "
        + "mention me with a task (`@ChatBot summarize the last 24h of #customer-feedback`), watch a page with `/monitor <url>`, "
        + "or type `/help` to see everything I do.");
}
