using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Logging;

namespace ChatBot.Testing.Teams;

/// <summary>
/// Microsoft's Teams test client, the Agents Playground, as its own process from the npm package that
/// <c>./build.sh test</c> installs into <c>tests/teams-playground</c>: its web page is the chat a person would use,
/// its connector (<c>/_connector</c>) is where the bot answers. Telemetry is off; nothing else is downloaded.
/// </summary>
public sealed partial class AgentsPlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentsPlaygroundProcess(Process process) => _process = process;

    /// <summary>The playground's page (and its connector under <c>/_connector</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="botEndpoint">The bot's messaging endpoint, as the README's <c>-e</c>.</param>
    public static async Task<AgentsPlaygroundProcess> StartAsync(Uri botEndpoint, string workingDirectory)
    {
        var cli = CliPath();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "-e", botEndpoint.ToString(), "-c", "msteams", "-p", LoopbackPort.Free().ToString(), "--dt" })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Agents Playground (node).");
        var playground = new AgentsPlaygroundProcess(process);
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => playground._listening.TrySetException(new InvalidOperationException($"The Agents Playground exited:\n{playground.Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // It falls back to a random port when the asked one is taken, so its own word decides.
        var port = await playground._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        playground.BaseUrl = new Uri($"http://localhost:{port}");
        return playground;
    }

    private static string CliPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var cli = Path.Combine(directory.FullName, "tests", "teams-playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            if (File.Exists(cli)) return cli;
        }
        throw new InvalidOperationException("The Agents Playground is not installed: run the suite with ./build.sh test, which installs it into tests/teams-playground.");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(int.Parse(match.Groups["port"].Value));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (TestLogFile.NewPath("agents-playground") is { } path) await File.WriteAllTextAsync(path, Output);
    }

    [GeneratedRegex(@"Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}
