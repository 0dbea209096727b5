using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>
/// A real SMTP server for tests: Debian's python3-aiosmtpd with the Mailbox handler, which stores each
/// accepted message in a Maildir. Installed by scripts/install-test-deps.sh.
/// </summary>
internal sealed class AiosmtpdServer : IAsyncDisposable
{
    private readonly Process _process;

    private AiosmtpdServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>A port that is free now (for a server the test starts later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<AiosmtpdServer> StartAsync(int? port = null, string? maildir = null)
    {
        var p = port ?? FreePort();
        var dir = maildir ?? Directory.CreateTempSubdirectory("obs-maildir-").FullName;
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{p}", "-c", "aiosmtpd.handlers.Mailbox", dir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, p);
                return new AiosmtpdServer(process, p, dir);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                var err = process.HasExited ? await process.StandardError.ReadToEndAsync() : "timeout";
                throw new InvalidOperationException($"aiosmtpd did not start on port {p}: {err}");
            }
        }
    }

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Select(File.ReadAllText).ToList() : [];
    }

    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Messages();
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
