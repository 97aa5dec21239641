namespace ChatBot.Core.Common;

/// <summary>A state machine was asked for a move it does not allow (e.g. deciding an approval twice).</summary>
public sealed class InvalidTransitionException(string entity, string id, string from, string to)
    : InvalidOperationException($"{entity} {id} cannot move from {from} to {to}.")
{
    public string Entity { get; } = entity;
    public string From { get; } = from;
    public string To { get; } = to;
}
