namespace ChatBot.Core.Messaging;

/// <summary>How an outbox message depends on the earlier one it names (<see cref="OutboundMessage.DependsOnId"/>), resolved at delivery.</summary>
public enum OutboundRelation
{
    None,
    /// <summary>Replaces the message the earlier row posted (or replaced).</summary>
    Replaces,
    /// <summary>Posts in the thread the earlier row's message starts (or sits in).</summary>
    InThreadOf,
    /// <summary>Posts only after the earlier row was delivered or gave up, so a conversation reads in order.</summary>
    After,
}
