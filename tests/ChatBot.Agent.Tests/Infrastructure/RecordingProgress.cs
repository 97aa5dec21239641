using System.Collections.Concurrent;
using ChatBot.Core.Agents;

namespace ChatBot.Agent.Tests.Infrastructure;

public sealed class RecordingProgress : IAgentProgress
{
    public ConcurrentQueue<(int Step, string Activity)> Reports { get; } = new();

    public ValueTask ReportAsync(int step, string activity, CancellationToken ct)
    {
        Reports.Enqueue((step, activity));
        return ValueTask.CompletedTask;
    }
}
