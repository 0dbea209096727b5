using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Agent.Configuration;

namespace ObservabilityStack.Agent.Commands;

/// <summary>
/// Runs each configured command on its interval (the collectors of seed 003, without cron or rsync) and
/// appends its output, one timestamped line per output line, to a spool file per command and day. The
/// agent tails the spools like any log, so command output gets the same durability and retries.
/// </summary>
internal sealed class PeriodicCommandRunner
{
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(1);
    private readonly IReadOnlyList<PeriodicCommand> _commands;
    private readonly string _spool;
    private readonly AgentMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public PeriodicCommandRunner(IReadOnlyList<PeriodicCommand> commands, string spool, AgentMetrics metrics, TimeProvider clock, ILogger logger)
    {
        _commands = commands;
        _spool = spool;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The command a spool file belongs to (<c>disk-20261121.log</c> → <c>disk</c>).</summary>
    public static string CommandOf(string spoolFile)
    {
        var name = Path.GetFileNameWithoutExtension(spoolFile);
        var dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : name;
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_commands.Select(c => LoopAsync(c, cancellationToken)));

    /// <summary>Runs a command once and appends its output to today's spool.</summary>
    internal async Task RunOnceAsync(PeriodicCommand command, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var failed = false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/sh")
            {
                ArgumentList = { "-c", command.CommandLine },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MaxRunTime);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                lines.AddRange(Lines(await output.ConfigureAwait(false)));
                lines.AddRange(Lines(await errors.ConfigureAwait(false)).Select(l => "stderr: " + l));
                if (process.ExitCode != 0)
                {
                    failed = true;
                    lines.Add($"ERROR command '{command.Name}' exited with code {process.ExitCode}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                failed = true;
                lines.Add($"ERROR command '{command.Name}' ran longer than {MaxRunTime.TotalSeconds:0} s and was stopped");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            failed = true;
            lines.Add($"ERROR command '{command.Name}' could not start: {e.Message}");
        }

        _metrics.CommandRan(failed);
        if (failed)
        {
            _logger.LogWarning("Command {Name} failed: {Line}", command.Name, lines[^1]);
        }

        Append(command, lines);
    }

    private async Task LoopAsync(PeriodicCommand command, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await RunOnceAsync(command, cancellationToken).ConfigureAwait(false);
                await Task.Delay(command.Every, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Append(PeriodicCommand command, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(_spool);
        var now = _clock.GetUtcNow();
        var stamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(_spool, $"{command.Name}-{now:yyyyMMdd}.log");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(stamp).Append(' ').Append(line).Append('\n');
        }

        // One write per run so the tailer never sees half a run's lines interleaved with another command's.
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
}
