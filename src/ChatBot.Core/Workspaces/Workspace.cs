using ChatBot.Core.Chat;
using ChatBot.Core.Webhooks;

namespace ChatBot.Core.Workspaces;

/// <summary>A team using the bot: a Slack workspace, a Teams tenant, the playground, or one an operator created.</summary>
public sealed class Workspace
{
    public const string PlaygroundId = "playground";

    private Workspace() { }

    public Workspace(string id, string name, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        CreatedAt = now;
        WebhookSecret = StandardWebhookSignature.NewSecret();
    }

    public string Id { get; private set; } = "";
    public string Name { get; set; } = "";
    public ReceiptSettings Receipts { get; private set; } = new();
    /// <summary>Platform user ids allowed to decide approvals, beyond the platform's own admins.</summary>
    public List<string> ApproverIds { get; private set; } = [];
    /// <summary>HTTPS URLs (exact, or prefixes ending in '/') that run results may be pushed to.</summary>
    public List<string> WebhookAllowlist { get; private set; } = [];
    /// <summary>Signs pushed webhooks (Standard Webhooks <c>whsec_…</c>); admins read and rotate it.</summary>
    public string WebhookSecret { get; private set; } = "";
    /// <summary>Credits a workspace may spend per calendar month (UTC); null means no cap.</summary>
    public int? MonthlySpendCap { get; set; }
    public bool Suspended { get; set; }
    /// <summary>
    /// The Microsoft Teams tenant this workspace is (Teams workspaces are named by their tenant id), recorded when a
    /// validated Teams activity from that tenant arrives; null for a workspace Teams never spoke for. Only such a
    /// workspace acts in Teams, and only in its own tenant.
    /// </summary>
    public string? TeamsTenantId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; set; }

    public bool IsTeamsTenant => TeamsTenantId is not null && TeamsTenantId == Id;

    public void RecordTeamsTenant() => TeamsTenantId = Id;

    public void RotateWebhookSecret() => WebhookSecret = StandardWebhookSignature.NewSecret();

    public bool AllowsWebhook(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && WebhookAllowlist.Any(allowed =>
            allowed.EndsWith('/') ? url.AbsoluteUri.StartsWith(allowed, StringComparison.OrdinalIgnoreCase) : string.Equals(url.AbsoluteUri, allowed, StringComparison.OrdinalIgnoreCase));

    /// <summary>Admins and named approvers decide; an approver may be named by any of the person's ids.</summary>
    public bool IsApprover(ChatUser user, bool isPlatformAdmin) => isPlatformAdmin || user.Ids.Any(ApproverIds.Contains);

    /// <summary>The first instant of next month, when the spend cap resets.</summary>
    public static DateTimeOffset NextSpendReset(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }
}
