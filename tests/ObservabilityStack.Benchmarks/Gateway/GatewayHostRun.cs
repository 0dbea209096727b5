using ObservabilityStack.Benchmarks.LoadRuns;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway-host [nofsync] [--elasticsearch URL]</c>: only the gateway of <c>load gateway</c>, for <c>load gateway spawn</c>
/// to measure from another process. Prints <c>ready URL KEY</c>, then answers on stdin: <c>begin</c> and
/// <c>end</c> bracket a durable slice, <c>jit</c> prints how many methods the JIT has compiled so far, <c>report</c>
/// prints the diagnostics and <c>.</c>; stops at end of input.
/// </summary>
public sealed class GatewayHostRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "gateway-host";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var es = Array.IndexOf(args, "--elasticsearch") is var i and >= 0 && i + 1 < args.Length ? new Uri(args[i + 1]) : null;
        await using var gateway = await LoadGateway.StartAsync(!args.Contains("nofsync", StringComparer.Ordinal), es, cancellationToken);
        Console.WriteLine($"ready {gateway.Url} {gateway.Key}");
        while (await Console.In.ReadLineAsync(cancellationToken) is { } command)
        {
            switch (command)
            {
                case "begin":
                    gateway.Diagnostics.Begin();
                    break;
                case "end":
                    gateway.Diagnostics.End();
                    break;
                case "jit":
                    Console.WriteLine(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "report":
                    Console.WriteLine(gateway.Diagnostics.Report());
                    Console.WriteLine(".");
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown command '{command}'");
                    break;
            }
        }

        return 0;
    }
}
