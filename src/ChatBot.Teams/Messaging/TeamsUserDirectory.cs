using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Messaging;

/// <summary>
/// Teams admins are the ids configured in <c>Teams__AdminIds</c> (AAD object ids or 29:… Teams user ids; callers
/// ask with each of the person's ids): asking Graph for team owners needs permissions the bot doesn't otherwise
/// have. Workspace approvers named by an admin still work on top of this. Settings answer without a network call,
/// so clicks ask this directly (a changed setting counts at once).
/// </summary>
public sealed class TeamsUserDirectory(IOptions<TeamsOptions> options) : IUserDirectory
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public bool AnswersLocally => true;

    public TimeSpan RoleLifetime => TimeSpan.MaxValue;

    public ValueTask<DirectoryUser> LookUpAsync(ChatAddress where, string userId, CancellationToken ct) =>
        ValueTask.FromResult(new DirectoryUser(options.Value.AdminIds.Contains(userId, StringComparer.OrdinalIgnoreCase)));
}
