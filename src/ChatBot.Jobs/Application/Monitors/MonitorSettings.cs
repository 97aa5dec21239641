using ChatBot.Core.Monitors;

namespace ChatBot.Jobs.Application.Monitors;

/// <summary>
/// The settings an update changes; a null field is left as it is, except that <see cref="SetWebhook"/> and
/// <see cref="SetMetadata"/> say whether <see cref="Webhook"/> and <see cref="Metadata"/> (possibly null, to clear) apply.
/// </summary>
public sealed record MonitorSettings(
    Cadence? Cadence = null,
    bool SetWebhook = false,
    MonitorWebhook? Webhook = null,
    bool SetMetadata = false,
    Dictionary<string, string>? Metadata = null);
