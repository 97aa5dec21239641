using System.Collections.Concurrent;
using ChatBot.Jobs.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Quartz;

namespace ChatBot.Jobs.Tests.Scheduling;

/// <summary>Group commit: callers that arrive while a batch is being stored share the next store.</summary>
public sealed class TriggerBatcherTests
{
    private static readonly IJobDetail Job = JobBuilder.Create<NoOpJob>().WithIdentity("chatbot.test").StoreDurably().Build();

    private static ITrigger Trigger(int i) => TriggerBuilder.Create().WithIdentity($"t-{i}", "test").ForJob(Job.Key).StartNow().Build();

    private sealed class NoOpJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;
    }

    private static (Mock<IScheduler> Scheduler, ISchedulerFactory Factory) Store(Func<IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>>, Task> onStore)
    {
        var scheduler = new Mock<IScheduler>();
        scheduler.Setup(s => s.GetJobDetail(Job.Key, It.IsAny<CancellationToken>())).ReturnsAsync(Job);
        scheduler.Setup(s => s.ScheduleJobs(It.IsAny<IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>>>(), It.IsAny<ScheduleJobOptions>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>> batch, ScheduleJobOptions _, CancellationToken _) => new ValueTask(onStore(batch)));
        var factory = Mock.Of<ISchedulerFactory>(f => f.GetScheduler(It.IsAny<CancellationToken>()) == new ValueTask<IScheduler>(scheduler.Object));
        return (scheduler, factory);
    }

    [Fact]
    public async Task Triggers_arriving_during_a_store_go_together_into_the_next_one_and_each_caller_returns_once_stored()
    {
        var firstStoreEntered = new TaskCompletionSource();
        var releaseFirstStore = new TaskCompletionSource();
        var batches = new ConcurrentQueue<List<string>>();
        var (scheduler, factory) = Store(async batch =>
        {
            batches.Enqueue(batch.SelectMany(p => p.Value).Select(t => t.Key.Name).ToList());
            if (batches.Count == 1)
            {
                firstStoreEntered.SetResult();
                await releaseFirstStore.Task;
            }
        });
        await using var batcher = new TriggerBatcher(factory, NullLogger<TriggerBatcher>.Instance);

        var first = batcher.StoreAsync([Trigger(0)], CancellationToken.None);
        await firstStoreEntered.Task;
        var waiting = Enumerable.Range(1, 20).Select(i => batcher.StoreAsync([Trigger(i)], CancellationToken.None)).ToList();
        Assert.False(first.IsCompleted);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        releaseFirstStore.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal(2, batches.Count);
        Assert.Equal(["t-0"], batches.First());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"t-{i}").Order(), batches.Last().Order());
        scheduler.Verify(s => s.ScheduleJobs(It.IsAny<IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>>>(),
            It.Is<ScheduleJobOptions>(o => o.Replace), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failed_store_fails_every_caller_in_that_batch_and_the_next_batch_still_works()
    {
        var failNext = true;
        var (_, factory) = Store(_ =>
        {
            if (!failNext) return Task.CompletedTask;
            failNext = false;
            return Task.FromException(new JobPersistenceException("database unreachable"));
        });
        await using var batcher = new TriggerBatcher(factory, NullLogger<TriggerBatcher>.Instance);

        await Assert.ThrowsAsync<JobPersistenceException>(() => batcher.StoreAsync([Trigger(1)], CancellationToken.None));
        await batcher.StoreAsync([Trigger(2)], CancellationToken.None);
    }

    [Fact]
    public async Task Enqueued_triggers_share_a_batch_with_awaited_ones_and_a_failed_store_of_them_does_not_stop_the_next_batch()
    {
        var firstStoreEntered = new TaskCompletionSource();
        var releaseFirstStore = new TaskCompletionSource();
        var batches = new ConcurrentQueue<List<string>>();
        var (_, factory) = Store(async batch =>
        {
            batches.Enqueue(batch.SelectMany(p => p.Value).Select(t => t.Key.Name).ToList());
            if (batches.Count == 1)
            {
                firstStoreEntered.SetResult();
                await releaseFirstStore.Task;
                throw new JobPersistenceException("database unreachable");
            }
        });
        await using var batcher = new TriggerBatcher(factory, NullLogger<TriggerBatcher>.Instance);

        await batcher.EnqueueAsync([Trigger(0)], CancellationToken.None);
        await firstStoreEntered.Task;
        await batcher.EnqueueAsync([Trigger(1), Trigger(2)], CancellationToken.None);
        var awaited = batcher.StoreAsync([Trigger(3)], CancellationToken.None);
        releaseFirstStore.SetResult();
        await awaited;

        Assert.Equal([["t-0"], ["t-1", "t-2", "t-3"]], batches.ToArray());
    }

    [Fact]
    public async Task Past_the_queue_limit_an_enqueueing_caller_waits_until_a_stored_batch_makes_room()
    {
        var firstStoreEntered = new TaskCompletionSource();
        var releaseFirstStore = new TaskCompletionSource();
        var stores = 0;
        var (_, factory) = Store(async _ =>
        {
            if (Interlocked.Increment(ref stores) != 1) return;
            firstStoreEntered.SetResult();
            await releaseFirstStore.Task;
        });
        await using var batcher = new TriggerBatcher(factory, NullLogger<TriggerBatcher>.Instance);
        await batcher.EnqueueAsync([Trigger(0)], CancellationToken.None);
        await firstStoreEntered.Task;

        // The batch being stored still holds its caller's room.
        for (var i = 1; i < TriggerBatcher.MaxQueued; i++)
            Assert.True(batcher.EnqueueAsync([Trigger(i)], CancellationToken.None).IsCompletedSuccessfully);
        var overflow = batcher.EnqueueAsync([Trigger(-1)], CancellationToken.None);
        Assert.False(overflow.IsCompleted);

        releaseFirstStore.SetResult();
        await overflow;
        Assert.True(stores >= 2);
    }
}
