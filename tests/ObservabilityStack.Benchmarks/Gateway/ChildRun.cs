using System.Diagnostics;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>Starts another load run of this program in a child process and waits for its <c>ready ...</c> line.</summary>
internal static class ChildRun
{
    /// <summary>The child, and the words of its ready line after <c>ready</c>. Closing its stdin stops it.</summary>
    /// <param name="args">The load run's name and arguments.</param>
    /// <param name="nice">The child's nice level (0: as this process).</param>
    /// <param name="environment">Variables set for the child only, <c>NAME=value</c> separated by <c>;</c> (runtime settings such as <c>DOTNET_gcServer=1</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the ready line.</param>
    public static async Task<(Process Child, string[] Ready)> StartAsync(string[] args, int nice, CancellationToken cancellationToken, string? environment = null)
    {
        var start = new ProcessStartInfo(nice > 0 ? "nice" : Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var pair in (environment ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            start.Environment[pair[..equals]] = pair[(equals + 1)..];
        }

        if (nice > 0)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(nice.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(Environment.ProcessPath!);
        }

        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        start.ArgumentList.Add("load");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var child = Process.Start(start)!;
        var ready = await child.StandardOutput.ReadLineAsync(cancellationToken);
        if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"load {args[0]} exited before it was ready");
        }

        return (child, ready.Split(' ')[1..]);
    }

    /// <summary>Closes the child's stdin (its signal to stop) and waits for it to exit.</summary>
    public static async Task StopAsync(Process child)
    {
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        child.Dispose();
    }
}
