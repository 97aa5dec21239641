using ChatBot.Jobs.Scheduling.Queue;

namespace ChatBot.Jobs.Tests.Scheduling;

/// <summary>The doorbell wakes one idle worker per ring, and keeps a few rings for workers that were not waiting yet.</summary>
public sealed class JobQueueDoorbellTests
{
    private static readonly TimeSpan Forever = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_ring_wakes_one_waiting_worker_not_all_of_them()
    {
        using var doorbell = new JobQueueDoorbell();
        using var stop = new CancellationTokenSource();
        var waiting = new CountdownEvent(3);
        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            waiting.Signal();
            try
            {
                return doorbell.Wait(Forever, stop.Token) ? "woken" : "timed out";
            }
            catch (OperationCanceledException)
            {
                return "stopped";
            }
        })).ToList();
        waiting.Wait();

        doorbell.Ring();
        Assert.Equal("woken", await await Task.WhenAny(workers));

        await stop.CancelAsync();
        Assert.Equal(["stopped", "stopped", "woken"], (await Task.WhenAll(workers)).Order());
    }

    [Fact]
    public void Rings_with_nobody_waiting_are_kept_for_the_next_workers_up_to_a_few()
    {
        using var doorbell = new JobQueueDoorbell();
        for (var i = 0; i < 10; i++) doorbell.Ring();

        var passedAtOnce = Enumerable.Range(0, 10).Count(_ => doorbell.Wait(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(4, passedAtOnce);
    }
}
