using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Commands.Samples;

/// <summary>One <c>obs samples ...</c> running in-process until disposed (which is its Ctrl+C).</summary>
internal sealed partial class RunningSample : IAsyncDisposable
{
    private readonly CancellationTokenSource _ctrlC = new();
    private readonly Task<int> _run;

    private RunningSample(CliHarness harness, string[] args)
    {
        Harness = harness;
        _run = Task.Run(() => harness.RunAsync(_ctrlC.Token, args));
    }

    public CliHarness Harness { get; }

    public string Url { get; private set; } = string.Empty;

    public static async Task<RunningSample> StartAsync(CliHarness harness, params string[] args)
    {
        var sample = new RunningSample(harness, args);
        for (var i = 0; i < 600 && !sample._run.IsCompleted; i++)
        {
            if (Listening().Match(harness.Out.ToString()) is { Success: true } match)
            {
                sample.Url = match.Groups[1].Value;
                return sample;
            }

            await Task.Delay(100);
        }

        var exit = sample._run.IsCompleted ? await sample._run : -1;
        throw new InvalidOperationException($"obs {string.Join(' ', args)} did not start (exit {exit}): {harness.Out}{harness.Error}");
    }

    /// <summary>Ctrl+C, then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _ctrlC.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _ctrlC.Dispose();
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex Listening();
}
