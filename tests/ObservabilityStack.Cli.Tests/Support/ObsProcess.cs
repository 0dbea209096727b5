using System.Diagnostics;
using System.Text;

namespace ObservabilityStack.Cli.Tests.Support;

/// <summary>Runs the built <c>obs.dll</c> (copied next to the tests) as a real process, seqcli-style.</summary>
internal sealed class ObsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly object _gate = new();

    private ObsProcess(Process process)
    {
        _process = process;
    }

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "obs.dll");

    public static ObsProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = info };
        var obs = new ObsProcess(process);
        process.OutputDataReceived += (_, e) => obs.Append(obs._out, e.Data);
        process.ErrorDataReceived += (_, e) => obs.Append(obs._err, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return obs;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var obs = Start(args);
        var code = await obs.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, obs.StandardOutput, obs.StandardError);
    }

    public string StandardOutput { get { lock (_gate) { return _out.ToString(); } } }

    public string StandardError { get { lock (_gate) { return _err.ToString(); } } }

    public async Task<string> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var text = StandardOutput;
            if (condition(text))
            {
                return text;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"obs did not print the expected output. stdout: {StandardOutput} stderr: {StandardError}");
    }

    /// <summary>Sends SIGINT (Ctrl+C) the way a terminal would.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the async output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
