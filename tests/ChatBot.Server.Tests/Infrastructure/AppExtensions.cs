using ChatBot.Core.Inbound;
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
}
