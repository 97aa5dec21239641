using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Logging;

/// <summary>Keeps every log entry of a host, so a test can check that something was logged (and how loudly).</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<RecordedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Logs);

    /// <summary>Waits until an entry matching the condition is logged; the deadline only bounds a hung test.</summary>
    public async Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Logs.FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException("The expected log entry was never written.");
            await Task.Delay(25);
        }
    }

    /// <summary>Everything logged, one entry a line, for a failing assertion's message.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Logs.Select(log => $"{log.Level} {log.Category}: {log.Message}{(log.Exception is null ? "" : " — " + log.Exception.Message)}"));

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<RecordedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(new RecordedLog(category, logLevel, formatter(state, exception), exception));
    }
}
