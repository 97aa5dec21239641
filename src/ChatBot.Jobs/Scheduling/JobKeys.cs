using Quartz;

namespace ChatBot.Jobs.Scheduling;

/// <summary>One durable job per kind of work; each piece of work is a trigger carrying its entity id.</summary>
public static class JobKeys
{
    public static readonly JobKey AgentRun = new("agent-run", "chatbot");
    public static readonly JobKey ReceiptDelivery = new("receipt-delivery", "chatbot");
    public static readonly JobKey MessageDelivery = new("message-delivery", "chatbot");
    public static readonly JobKey ApprovalExpiry = new("approval-expiry", "chatbot");
    public static readonly JobKey MonitorCheck = new("monitor-check", "chatbot");
    public static readonly JobKey RunRecovery = new("run-recovery", "chatbot");
    public static readonly JobKey WebhookDelivery = new("webhook-delivery", "chatbot");

    public const string RunId = "runId";
    public const string ApprovalId = "approvalId";
    public const string ReceiptId = "receiptId";
    public const string MessageId = "messageId";
    public const string MonitorId = "monitorId";
    public const string WorkspaceId = "workspaceId";
    public const string WebhookDeliveryId = "webhookDeliveryId";

    public static TriggerKey RunTrigger(string runId) => new($"run-{runId}", "runs");

    public static TriggerKey ReceiptDeliveryTrigger(string receiptId) => new($"receipt-{receiptId}", "deliveries");

    public static TriggerKey MessageDeliveryTrigger(string messageId) => new($"message-{messageId}", "deliveries");

    public static TriggerKey RunContinuationTrigger(string runId, string approvalId) => new($"run-{runId}-{approvalId}", "runs");

    public static TriggerKey MonitorTrigger(string monitorId) => new($"monitor-{monitorId}", "monitors");

    /// <summary>One key per monitor, so a first check stored twice (the request's and the recovery sweep's) runs once.</summary>
    public static TriggerKey MonitorFirstCheckTrigger(string monitorId) => new($"monitor-{monitorId}-first", "monitors");
}
