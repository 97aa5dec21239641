using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence;

/// <summary>Lets callers ask for the provider-neutral context while each provider keeps its own migrations.</summary>
internal sealed class UpcastDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ChatBotDbContext>
    where TContext : ChatBotDbContext
{
    public ChatBotDbContext CreateDbContext() => inner.CreateDbContext();
}
