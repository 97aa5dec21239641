using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Infrastructure;

public static class AppExtensions
{
    /// <summary>Calls the inbox in its own scope, as one request would.</summary>
    public static async Task<CommandResult> SendAsync(this ChatBotAppFactory app, CommandInvocation invocation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IChatInbox>().HandleCommandAsync(invocation, CancellationToken.None);
    }

    public static async Task<CommandResult> ClickAsync(this ChatBotAppFactory app, ButtonAction action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IChatInbox>().HandleActionAsync(action, CancellationToken.None);
    }

    /// <summary>Stores a person's platform role as the role refresh job would have, "now" by the app's clock.</summary>
    public static async Task KnowUserAsync(this ChatBotAppFactory app, ChatPlatform platform, string workspaceId, string userId, bool isAdmin)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = new KnownUser(platform, workspaceId, userId, now);
        user.RecordRole(isAdmin, userId, now);
        await using var db = app.CreateDbContext();
        db.KnownUsers.Add(user);
        await db.SaveChangesAsync();
    }
}
