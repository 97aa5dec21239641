namespace ChatBot.Core.Agents;

/// <summary>Lets a long run show where it is ("step 2 · reading #customer-feedback").</summary>
public interface IAgentProgress
{
    ValueTask ReportAsync(int step, string activity, CancellationToken ct);
}
