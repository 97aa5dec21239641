using ChatBot.Testing.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatBot.Bench.Ack;

/// <summary>The Bolt-JS peer (bench/ack/bolt/app.js) as a node process on a free loopback port.</summary>
internal sealed class BoltPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BoltPeer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>It serves the same paths as ours: /slack/commands, /slack/events and /slack/interactions.</summary>
    public Uri BaseUrl { get; }

    public string Version { get; private set; } = "?";

    public static async Task<BoltPeer> StartAsync(string appDirectory, string signingSecret)
    {
        if (!File.Exists(Path.Combine(appDirectory, "node_modules", "@slack", "bolt", "package.json")))
            throw new InvalidOperationException($"Run `npm ci` in {appDirectory} first (./build.sh bench does).");
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("node", "app.js")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["SLACK_SIGNING_SECRET"] = signingSecret;
        info.Environment["NODE_ENV"] = "production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var peer = new BoltPeer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => peer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        peer.Version = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(appDirectory, "node_modules", "@slack", "bolt", "package.json")))
            .RootElement.GetProperty("version").GetString() ?? "?";
        await peer.WaitListeningAsync(port, TimeSpan.FromSeconds(30));
        return peer;
    }

    private async Task WaitListeningAsync(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The Bolt peer exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"The Bolt peer did not listen within {timeout}:\n{Output}");
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
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
    }
}
