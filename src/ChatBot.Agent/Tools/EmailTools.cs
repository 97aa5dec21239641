using System.ComponentModel;
using ChatBot.Agent.Email;
using ChatBot.Core.Agents;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Tools;

/// <summary><c>email:send</c>: always needs a person's approval; offered when SMTP is configured.</summary>
public sealed class EmailTools(SmtpEmailSender sender) : IToolSource
{
    public ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<AgentTool>>(!sender.IsConfigured ? [] :
        [
            new("email:send",
                new ApprovalRequiredAIFunction(AIFunctionFactory.Create(SendAsync, "email_send",
                    "Sends a plain-text email. Needs a person's approval before it is sent.")),
                args => $"Send email to {args.GetValueOrDefault("to")}: “{args.GetValueOrDefault("subject")}”", Untrusted: false),
        ]);

    private async Task<string> SendAsync(
        [Description("Recipient addresses, comma-separated")] string to,
        [Description("Subject line")] string subject,
        [Description("Plain-text body")] string body,
        CancellationToken ct)
    {
        var recipients = to.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0) return "Error: no recipient given.";
        var answer = await sender.SendAsync(recipients, subject, body, ct);
        return $"Sent to {string.Join(", ", recipients)} ({answer.Trim()}).";
    }
}
