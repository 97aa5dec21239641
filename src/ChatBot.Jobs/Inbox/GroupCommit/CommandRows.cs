using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;

namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>
/// What one inbound command stores, all or nothing: its delivery row (the de-duplication) and, for a monitor command,
/// the new monitor, unless its channel already watches that query (then the command is answered with that monitor).
/// </summary>
public sealed record CommandRows(InboundDelivery Delivery, Monitor? NewMonitor = null);
