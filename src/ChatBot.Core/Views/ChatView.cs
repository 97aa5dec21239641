using System.Text.Json.Serialization;
using ChatBot.Core.Receipts;

namespace ChatBot.Core.Views;

/// <summary>
/// What the bot wants to show, independent of platform. Each platform's renderer turns a view into Block Kit,
/// an Adaptive Card or playground HTML; <see cref="FallbackText"/> is the plain-text form (notifications, logs).
/// Views are stored in the outbox as JSON, hence the type discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "view")]
[JsonDerivedType(typeof(TextView), "text")]
[JsonDerivedType(typeof(ReceiptView), "receipt")]
[JsonDerivedType(typeof(ApprovalRequestView), "approval_request")]
[JsonDerivedType(typeof(MonitorRootView), "monitor_root")]
[JsonDerivedType(typeof(MonitorUpdateView), "monitor_update")]
[JsonDerivedType(typeof(MonitorListView), "monitor_list")]
[JsonDerivedType(typeof(HelpView), "help")]
[JsonDerivedType(typeof(ProgressView), "progress")]
[JsonDerivedType(typeof(RunResultView), "run_result")]
public abstract record ChatView
{
    public abstract string FallbackText { get; }
}
