using System.ComponentModel;
using System.Text;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Tools;

/// <summary>
/// <c>slack:history</c> / <c>teams:history</c>: a channel's recent messages, on the platform the run came from
/// (when that platform can read history). What people wrote is data, so it reaches the model as untrusted.
/// </summary>
public sealed class HistoryTools(IEnumerable<IChannelHistory> histories, TimeProvider time) : IToolSource
{
    private const int MaxMessages = 400;

    public ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct)
    {
        if (request.Address is not { } where || histories.FirstOrDefault(h => h.Platform == where.Platform) is not { } history)
            return ValueTask.FromResult<IReadOnlyList<AgentTool>>([]);
        var family = where.Platform.ToString().ToLowerInvariant();
        var function = AIFunctionFactory.Create(
            async ([Description("The channel: #name, or its id")] string channel,
                   [Description("How many hours back to read; 24 when omitted")] int hours = 24,
                   CancellationToken cancellation = default) =>
                await ReadAsync(history, where, channel, hours, cancellation),
            "channel_history",
            $"Reads recent messages of a {where.Platform} channel the bot is in, oldest first.");
        return ValueTask.FromResult<IReadOnlyList<AgentTool>>(
            [new AgentTool($"{family}:history", function, args => $"reading {args.GetValueOrDefault("channel")}", Untrusted: true)]);
    }

    private async Task<string> ReadAsync(IChannelHistory history, ChatAddress where, string channel, int hours, CancellationToken ct)
    {
        try
        {
            return Format(await history.ReadAsync(where, channel, time.GetUtcNow().AddHours(-Math.Clamp(hours, 1, 24 * 30)), MaxMessages, ct));
        }
        catch (PlatformNotConfiguredException ex)
        {
            // Said to the model plainly, so the run explains it instead of reading some other workspace's channel.
            return $"Cannot read {channel}: {ex.Message}";
        }
    }

    private static string Format(IReadOnlyList<HistoryMessage> messages)
    {
        if (messages.Count == 0) return "No messages in that period.";
        var builder = new StringBuilder();
        foreach (var message in messages)
            builder.AppendLine($"[{message.At:yyyy-MM-dd HH:mm}] {message.Author ?? "unknown"}: {message.Text}{(message.ReplyCount > 0 ? $" ({message.ReplyCount} replies)" : "")}");
        return builder.ToString();
    }
}
