using System.Diagnostics;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// For <c>load gateway --deliver</c>: an emulator in a child process (<c>load gateway-es-host</c>, optionally
/// niced) and a gateway whose forwarder delivers into it, of the same kind (in-process or spawned) as the
/// load run's main gateway.
/// </summary>
internal sealed class DeliveringGateway : IAsyncDisposable
{
    private readonly Process _emulator;

    private DeliveringGateway(Process emulator, LoadTarget gateway)
    {
        _emulator = emulator;
        Gateway = gateway;
    }

    public LoadTarget Gateway { get; }

    public static async Task<DeliveringGateway> StartAsync(bool fsync, bool spawn, int emulatorNice, CancellationToken cancellationToken)
    {
        var (emulator, ready) = await ChildRun.StartAsync(["gateway-es-host"], emulatorNice, cancellationToken);
        var url = new Uri(ready[0]);
        var gateway = spawn ? await LoadTarget.SpawnAsync(fsync, url, cancellationToken) : await LoadTarget.InProcessAsync(fsync, url, cancellationToken);
        Console.WriteLine($"delivering: {gateway.Where} -> emulator at {url} (process {emulator.Id}, nice {emulatorNice})");
        return new DeliveringGateway(emulator, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await ChildRun.StopAsync(_emulator);
    }
}
