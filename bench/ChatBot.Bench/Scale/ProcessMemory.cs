using System.Globalization;

namespace ChatBot.Bench.Scale;

/// <summary>Resident and peak resident memory of a process in MB, from /proc/&lt;pid&gt;/status.</summary>
internal sealed record ProcessMemory(double ResidentMb, double PeakMb)
{
    public static ProcessMemory Of(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new ProcessMemory(Kilobytes(status, "VmRSS:") / 1024, Kilobytes(status, "VmHWM:") / 1024);
    }

    private static double Kilobytes(string[] status, string key) =>
        status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;
}
