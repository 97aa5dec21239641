using System.Diagnostics;

namespace ChatBot.Bench;

/// <summary>
/// CPU time used by this process, or by the server processes it started (its children running ChatBot.Server.dll,
/// found through /proc), so a throughput figure can say whether the cores were the limit.
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Own() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Every PostgreSQL process on the machine (the bench's cluster is the only one): postmaster and backends.</summary>
    public static TimeSpan Postgres()
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() != "postgres") continue;
                using var process = Process.GetProcessById(pid);
                total += process.TotalProcessorTime;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone while looking.
            }
        }
        return total;
    }

    public static TimeSpan Servers()
    {
        var total = TimeSpan.Zero;
        var self = Environment.ProcessId.ToString();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                // stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] != self) continue;
                if (!File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("ChatBot.Server.dll")) continue;
                using var process = Process.GetProcessById(pid);
                total += process.TotalProcessorTime;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone while looking.
            }
        }
        return total;
    }
}
