using System.Diagnostics;

namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>The gateway as a real child process (<c>dotnet obs.dll gateway</c>), for tests that kill it with SIGKILL.</summary>
internal static class GatewayProcess
{
    private static string ObsDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "ObservabilityStack.Cli")))
        {
            dir = dir.Parent;
        }

        var bin = Path.Combine(dir!.FullName, "src", "ObservabilityStack.Cli", "bin");
        return Directory.GetFiles(bin, "obs.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    public static async Task<(Process Process, Uri Url)> StartAsync(string data, Uri elasticsearch)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet", [ObsDll(), "gateway", "--data", data, "--elasticsearch", elasticsearch.ToString(), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            const string marker = "Gateway listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var url = line[(at + marker.Length)..].Split(' ')[0].TrimEnd('.');
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return (process, new Uri(url));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("gateway child process did not start: " + await process.StandardError.ReadToEndAsync());
    }
}
