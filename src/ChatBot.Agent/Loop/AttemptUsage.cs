using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Loop;

/// <summary>What one attempt consumed: credits for model tokens and tool calls, and the tools it used.</summary>
public sealed class AttemptUsage(int tokensPerCredit)
{
    private readonly List<string> _tools = [];

    public int Credits { get; private set; }

    public long Tokens { get; private set; }

    public IReadOnlyList<string> Tools => _tools;

    public void AddModelCall(UsageDetails? usage)
    {
        var tokens = usage?.TotalTokenCount ?? (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0);
        Tokens += tokens;
        // Every call costs at least one credit, whatever the provider reports.
        Credits += Math.Max(1, (int)Math.Ceiling(tokens / (double)Math.Max(1, tokensPerCredit)));
    }

    public void AddToolCall(string toolId, int credits)
    {
        Credits += credits;
        if (!_tools.Contains(toolId)) _tools.Add(toolId);
    }
}
