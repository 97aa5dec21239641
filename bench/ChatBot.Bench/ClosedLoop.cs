using System.Diagnostics;
using System.Net;

namespace ChatBot.Bench;

/// <summary>
/// Closed-loop HTTP load: <c>concurrency</c> callers, each sending its next request as soon as the last is answered,
/// until the time is up or the request source runs dry (returns null).
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoadFigures> RunAsync(HttpClient client, int concurrency, Func<int, HttpRequestMessage?> next, TimeSpan length)
    {
        var latencies = new List<double>();
        var accepted = 0;
        var refused = 0;
        var sequence = -1;
        var stopwatch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (stopwatch.Elapsed < length)
            {
                using var request = next(Interlocked.Increment(ref sequence));
                if (request is null) break;
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted) Interlocked.Increment(ref accepted);
                else Interlocked.Increment(ref refused);
            }
            lock (latencies) latencies.AddRange(mine);
        })).ToList();
        await Task.WhenAll(callers);
        var elapsed = stopwatch.Elapsed;
        return new LoadFigures(accepted, refused, accepted / elapsed.TotalSeconds, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
    }
}
