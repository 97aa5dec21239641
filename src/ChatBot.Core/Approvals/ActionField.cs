namespace ChatBot.Core.Approvals;

/// <summary>One labelled part of the exact action an approver decides on ("Body", "To", "Arguments").</summary>
public sealed record ActionField(string Label, string Value, bool IsCode = false);
