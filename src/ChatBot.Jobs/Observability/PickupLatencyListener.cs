using Quartz;

namespace ChatBot.Jobs.Observability;

/// <summary>Measures job pickup latency: how long after its scheduled time a job actually started.</summary>
public sealed class PickupLatencyListener(ChatBotMetrics metrics) : IJobListener
{
    public string Name => "pickup-latency";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.ScheduledFireTimeUtc is { } scheduled) metrics.RecordPickup(context.FireTimeUtc - scheduled);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
