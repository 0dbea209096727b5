using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway-es-host</c>: an Elasticsearch emulator in a process of its own, for <c>load gateway --deliver</c>
/// to deliver into (its GC and CPU are not the gateway's or the generator's). Prints <c>ready URL</c>, stops at
/// end of input.
/// </summary>
public sealed class EmulatorHostRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "gateway-es-host";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        Console.WriteLine($"ready {emulator.Url}");
        while (await Console.In.ReadLineAsync(cancellationToken) is not null)
        {
        }

        return 0;
    }
}
