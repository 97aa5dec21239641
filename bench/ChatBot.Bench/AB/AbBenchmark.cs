using ChatBot.Bench.Ack;
using ChatBot.Bench.EndToEnd;

namespace ChatBot.Bench.AB;

/// <summary>
/// The end-to-end and the ack benchmark against two server builds in one run (issue #15: the job engine's switch
/// measured, not guessed). Each leg is one complete run of a benchmark on its own fresh database and server
/// process; the legs go A B B A per round, so a drift over the run (another job on the machine, a warming cache)
/// weighs on both builds alike.
/// </summary>
internal sealed class AbBenchmark(string postgres, AbServer current, AbServer baseline, int rounds, int e2eSamples, int e2eWarmUp,
    AckSettings ack)
{
    public async Task<AbResult> RunAsync()
    {
        var order = Enumerable.Range(0, rounds).SelectMany(_ => new[] { current, baseline, baseline, current }).ToArray();
        var endToEnd = new List<EndToEndResult>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            Console.WriteLine($"[ab] end-to-end leg {i + 1}/{order.Length}: {order[i].Name}");
            endToEnd.Add(await new EndToEndBenchmark(postgres, e2eSamples, e2eWarmUp, order[i].Dll).RunAsync());
        }
        var acks = new List<AckResult>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            Console.WriteLine($"[ab] ack leg {i + 1}/{order.Length}: {order[i].Name}");
            acks.Add(await new AckBenchmark(postgres, ack, order[i].Dll).RunAsync());
        }
        return new AbResult(current, baseline, order.Select((server, i) => new AbLeg(i + 1, server, endToEnd[i], acks[i])).ToList());
    }
}
