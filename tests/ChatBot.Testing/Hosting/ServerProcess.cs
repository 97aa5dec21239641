using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using ChatBot.Testing.Logging;

namespace ChatBot.Testing.Hosting;

/// <summary>
/// The real server as its own OS process (the build output next to the test assembly), for what only a
/// process shows: a start with no configuration, and a node killed mid-run with nothing graceful about it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The OS process id, for what only /proc tells (resident memory).</summary>
    public int ProcessId => _process.Id;

    /// <param name="settings">Environment variables in the double-underscore form; Urls is chosen here.</param>
    /// <param name="environment">Development is what the README's run command uses (it validates the container at start).</param>
    /// <param name="listenOnAllInterfaces">Binds 0.0.0.0 (as the container does) instead of loopback; BaseUrl stays loopback.</param>
    /// <param name="serverDll">Another build's ChatBot.Server.dll (the bench's A/B against an older commit); this build's by default.</param>
    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> settings, string workingDirectory,
        string environment = "Production", TimeSpan? startTimeout = null, bool listenOnAllInterfaces = false, string? serverDll = null)
    {
        var port = LoopbackPort.Free();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", serverDll ?? Path.Combine(AppContext.BaseDirectory, "ChatBot.Server.dll"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Urls"] = listenOnAllInterfaces ? $"http://0.0.0.0:{port}" : baseUrl.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        // Receipts link to the server that posted them, wherever the test put it.
        info.Environment["Receipts__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
        // Kept for the suite's secret scan: our categories at Debug, as an operator chasing a problem would run.
        if (TestLogFile.Directory is not null) info.Environment["Logging__LogLevel__ChatBot"] = "Debug";
        foreach (var (key, value) in settings) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
        var server = new ServerProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a busy 2-core machine a cold start (JIT, migrations) can take minutes; a healthy one answers in seconds.
        await server.WaitHealthyAsync(startTimeout ?? TimeSpan.FromMinutes(4));
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no graceful job completion, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what Ctrl+C, <c>docker stop</c> and systemd send: the graceful shutdown path.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>True when the process has exited within <paramref name="bound"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan bound)
    {
        using var wait = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not become healthy within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (TestLogFile.NewPath("process") is { } path) await File.WriteAllTextAsync(path, Output);
    }
}
