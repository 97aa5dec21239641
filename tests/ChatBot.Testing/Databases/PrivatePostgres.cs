using System.Diagnostics;

using ChatBot.Testing.Hosting;

namespace ChatBot.Testing.Databases;

/// <summary>
/// A PostgreSQL cluster of one's own (initdb on a free loopback port), for tests that stop or crash the
/// database: the shared suite cluster must stay up for everyone else. Uses the binaries ./build.sh found.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly DirectoryInfo _root;
    private readonly int _port;

    private PrivatePostgres(string bin, DirectoryInfo root, int port)
    {
        _bin = bin;
        _root = root;
        _port = port;
    }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={_port};Username=chatbot;Database={database};Include Error Detail=true";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("CHATBOT_TEST_POSTGRES_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")).LastOrDefault()
              ?? throw new InvalidOperationException("No PostgreSQL binaries: run the suite with ./build.sh test, which installs them.");
        var root = Directory.CreateTempSubdirectory("chatbot-private-pg-");
        var cluster = new PrivatePostgres(bin, root, LoopbackPort.Free());
        // initdb refuses to run as root; the Debian package brings a postgres user (build.sh makes sure).
        if (Environment.UserName == "root") await RunAsync("chown", "postgres", root.FullName);
        await cluster.PgAsync("initdb", "-D", cluster.DataDirectory, "-U", "chatbot", "-A", "trust", "-E", "UTF8", "--no-locale");
        await cluster.StartServerAsync();
        return cluster;
    }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public Task StartServerAsync() => PgAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root.FullName, "server.log"), "-w", "-t", "60", "start",
        "-o", $"-p {_port} -k {_root.FullName} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");

    /// <summary>Stops as a crash would: no checkpoint, every connection dropped at once.</summary>
    public Task CrashAsync() => PgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }


    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        _root.Delete(recursive: true);
    }
}
