using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace ChatBot.Jobs.Tests.Infrastructure;

/// <summary>Records the jobs the application asks for instead of storing them.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public IReadOnlyList<string> Subjects(string method) =>
        Created.Where(c => c.Job.Method.Name == method).Select(c => (string)c.Job.Args[0]).ToList();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
