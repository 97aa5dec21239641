namespace ChatBot.Server.Auth;

/// <summary>
/// The authentication schemes: one per way a caller proves who it is. A workspace token is read from the header its
/// API names (so the 401 can say how to send it); a run is read with its job token or a workspace token.
/// </summary>
public static class AuthSchemes
{
    /// <summary>A workspace token as <c>Authorization: Bearer</c> (trigger, receipts, admin APIs).</summary>
    public const string WorkspaceToken = "WorkspaceToken";
    /// <summary>A workspace token in <c>X-Webhook-Secret</c> (the webhook-trigger dialect).</summary>
    public const string WebhookSecret = "WebhookSecret";
    /// <summary>A workspace token in <c>x-api-key</c> (the Monitor API).</summary>
    public const string ApiKey = "ApiKey";
    /// <summary>A job token as <c>Authorization: Bearer</c> (the webhook-trigger poll).</summary>
    public const string JobToken = "JobToken";
    /// <summary><c>GET /api/runs/{id}</c>: a workspace-shaped bearer goes to <see cref="RunWorkspaceToken"/>, anything else to <see cref="RunJobToken"/>.</summary>
    public const string RunReader = "RunReader";
    public const string RunWorkspaceToken = "RunWorkspaceToken";
    public const string RunJobToken = "RunJobToken";
    /// <summary>HTTP Basic with the ops credentials, or with none set, the loopback caller.</summary>
    public const string Ops = "Ops";
}
