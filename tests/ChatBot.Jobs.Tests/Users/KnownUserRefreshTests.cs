using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Users;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Tests.Infrastructure;
using ChatBot.Jobs.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Jobs.Tests.Users;

/// <summary>
/// Roles are looked up by a job and stored; the request path only reads them: a person first seen gets a look-up,
/// a fresh role costs nothing, an old one is looked up again, and a platform that cannot answer changes nothing.
/// </summary>
public sealed class KnownUserRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Channel = new(ChatPlatform.Slack, "T0ACME", "C0OPS");
    private static readonly ChatUser Lee = new("U0LEE", "lee");

    [Fact]
    public async Task A_person_first_seen_is_looked_up_by_a_job_and_their_stored_role_is_read_until_it_is_old()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var directory = new ScriptedDirectory { Answer = _ => new DirectoryUser(true, "Lee Admin") };
        var checks = new KnownUserCheckTimes();

        Assert.Equal(UserRole.Unknown, await RoleAsync(jobs, directory));
        await NoteAsync(jobs, directory, checks);
        Assert.Equal(1, RefreshJobs(jobs));
        Assert.Equal(0, directory.Calls); // seeing someone only asks for the look-up

        await RefreshAsync(jobs, directory);
        Assert.Equal(1, directory.Calls);
        Assert.Equal(UserRole.Admin, await RoleAsync(jobs, directory));
        await using (var db = jobs.Open())
        {
            var stored = await db.KnownUsers.SingleAsync();
            Assert.Equal((ChatPlatform.Slack, "T0ACME", "U0LEE", "Lee Admin", true, Now), (stored.Platform, stored.WorkspaceId, stored.UserId, stored.DisplayName, stored.IsAdmin, stored.RefreshedAt));
        }

        // Within the role's lifetime, seeing them again (on this node or a fresh one) asks for nothing.
        jobs.Time.Advance(TimeSpan.FromMinutes(9));
        await NoteAsync(jobs, directory, checks);
        await NoteAsync(jobs, directory, new KnownUserCheckTimes());
        Assert.Equal(1, RefreshJobs(jobs));

        // Once it is older, the next sighting asks again; the old role still answers meanwhile.
        jobs.Time.Advance(TimeSpan.FromMinutes(2));
        directory.Answer = _ => new DirectoryUser(false);
        await NoteAsync(jobs, directory, checks);
        Assert.Equal(2, RefreshJobs(jobs));
        Assert.Equal(UserRole.Admin, await RoleAsync(jobs, directory));
        await RefreshAsync(jobs, directory);
        Assert.Equal(UserRole.Member, await RoleAsync(jobs, directory));
    }

    [Fact]
    public async Task A_burst_of_requests_from_a_person_not_yet_known_asks_for_one_look_up_and_again_only_after_the_retry_pause()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var directory = new ScriptedDirectory { Answer = _ => new DirectoryUser(false) };
        var checks = new KnownUserCheckTimes();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => NoteAsync(jobs, directory, checks))));
        Assert.Equal(1, RefreshJobs(jobs));

        // The look-up has not stored a role yet (its job is queued or failed): the next burst after the pause asks once more.
        jobs.Time.Advance(TimeSpan.FromSeconds(31));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => NoteAsync(jobs, directory, checks))));
        Assert.Equal(2, RefreshJobs(jobs));
    }

    [Fact]
    public async Task A_platform_that_cannot_answer_leaves_the_stored_role_as_it_was_and_the_job_fails_to_be_retried()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var directory = new ScriptedDirectory { Answer = _ => new DirectoryUser(true) };
        await RefreshAsync(jobs, directory);

        jobs.Time.Advance(TimeSpan.FromHours(1));
        directory.Answer = _ => throw new HttpRequestException("connection refused");
        await Assert.ThrowsAsync<HttpRequestException>(() => RefreshAsync(jobs, directory));

        await using var db = jobs.Open();
        var stored = await db.KnownUsers.SingleAsync();
        Assert.Equal((true, Now), (stored.IsAdmin, stored.RefreshedAt));
    }

    [Fact]
    public async Task A_workspace_the_platform_is_not_connected_for_stores_the_person_as_not_an_admin()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var directory = new ScriptedDirectory { Answer = _ => throw new PlatformNotConfiguredException(ChatPlatform.Slack) };

        await RefreshAsync(jobs, directory);

        Assert.Equal(UserRole.Member, await RoleAsync(jobs, directory));
    }

    private static async Task NoteAsync(JobsHarness jobs, ScriptedDirectory directory, KnownUserCheckTimes checks)
    {
        await using var db = jobs.Open();
        await new KnownUserSightings([directory], db, jobs.Services.GetRequiredService<WorkScheduler>(), checks, jobs.Time)
            .NoteAsync(Channel, Lee, CancellationToken.None);
    }

    private static async Task RefreshAsync(JobsHarness jobs, ScriptedDirectory directory)
    {
        await using var db = jobs.Open();
        await new KnownUserRefreshJob([directory], db, jobs.Time, NullLogger<KnownUserRefreshJob>.Instance)
            .ExecuteAsync(Channel.Platform, Channel.WorkspaceId, Lee.Id, CancellationToken.None);
    }

    private static async Task<UserRole> RoleAsync(JobsHarness jobs, ScriptedDirectory directory)
    {
        await using var db = jobs.Open();
        return await new UserDirectoryResolver([directory], db).RoleOfAsync(Channel, Lee, CancellationToken.None);
    }

    private static int RefreshJobs(JobsHarness jobs) => jobs.Jobs.Created.Count(c => c.Job.Type == typeof(KnownUserRefreshJob));

    /// <summary>A platform directory that calls out (like Slack's), answering what the test scripts and counting calls.</summary>
    private sealed class ScriptedDirectory : IUserDirectory
    {
        public Func<string, DirectoryUser> Answer { get; set; } = _ => new DirectoryUser(false);
        public int Calls { get; private set; }
        public ChatPlatform Platform => ChatPlatform.Slack;
        public bool AnswersLocally => false;
        public TimeSpan RoleLifetime => TimeSpan.FromMinutes(10);

        public ValueTask<DirectoryUser> LookUpAsync(ChatAddress where, string userId, CancellationToken ct)
        {
            Calls++;
            return ValueTask.FromResult(Answer(userId));
        }
    }
}
