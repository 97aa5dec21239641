using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Logging;

/// <summary>
/// Every test host's log, kept in <c>CHATBOT_TEST_LOG_DIR</c> (set by <c>./build.sh test</c>) so that after the
/// whole suite a scan can prove no secret was ever logged. Without the variable nothing is written.
/// </summary>
public static class TestLogFile
{
    public static string? Directory => Environment.GetEnvironmentVariable("CHATBOT_TEST_LOG_DIR") is { Length: > 0 } dir ? dir : null;

    /// <summary>A fresh file for one host (null when logs are not kept).</summary>
    public static string? NewPath(string kind) =>
        Directory is { } dir ? Path.Combine(dir, $"{kind}-{Guid.NewGuid():N}.log") : null;

    /// <summary>Debug and up from our code, Information and up from the frameworks: what an operator could turn on.</summary>
    public static void AddTo(ILoggingBuilder logging)
    {
        if (NewPath("host") is not { } path) return;
        logging.SetMinimumLevel(LogLevel.Debug);
        logging.AddFilter("Microsoft", LogLevel.Information);
        logging.AddFilter("System", LogLevel.Information);
        logging.AddFilter("Hangfire", LogLevel.Information);
        logging.AddProvider(new FileLoggerProvider(path));
    }
}
