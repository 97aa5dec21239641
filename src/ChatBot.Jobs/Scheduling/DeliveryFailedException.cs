namespace ChatBot.Jobs.Scheduling;

/// <summary>A delivery attempt failed and another is due: thrown so the job store schedules the retry.</summary>
public sealed class DeliveryFailedException(string message, Exception? inner = null) : Exception(message, inner);
