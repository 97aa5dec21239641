namespace ChatBot.Core.Messaging;

/// <summary>What an outbox message is for; with <see cref="OutboundMessage.SubjectId"/> it says whose record learns the posted id.</summary>
public enum OutboundPurpose
{
    /// <summary>A notice, confirmation or greeting: nothing else records it.</summary>
    Notice,
    /// <summary>A monitor's root message; its id becomes the monitor's thread. Subject: the monitor.</summary>
    MonitorRoot,
    /// <summary>An approval request card. Subject: the approval.</summary>
    ApprovalRequest,
    /// <summary>A run's "working" line, or an update of it. Subject: the run.</summary>
    Progress,
    /// <summary>A finished run's answer. Subject: the receipt.</summary>
    Answer,
    /// <summary>A finished run's two-line receipt. Subject: the receipt.</summary>
    Receipt,
}
