using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Logging;

/// <summary>One log entry as written: category, level, the formatted message and the exception, if any.</summary>
public sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);
