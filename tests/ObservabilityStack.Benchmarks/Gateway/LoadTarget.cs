using System.Diagnostics;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// Where <c>load gateway</c> sends: a gateway in this process, one in a child process (<c>spawn</c>, so the
/// load generator's CPU and GC are not the gateway's), or any running gateway (<c>--target URL --key KEY</c>).
/// </summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    private readonly LoadGateway? _inProcess;
    private readonly Process? _child;

    private LoadTarget(Uri url, string key, string where, LoadGateway? inProcess, Process? child)
    {
        Url = url;
        Key = key;
        Where = where;
        _inProcess = inProcess;
        _child = child;
    }

    public Uri Url { get; }

    public string Key { get; }

    public string Where { get; }

    public static async Task<LoadTarget> InProcessAsync(bool fsync, Uri? elasticsearch, CancellationToken cancellationToken)
    {
        var gateway = await LoadGateway.StartAsync(fsync, elasticsearch, cancellationToken);
        return new LoadTarget(gateway.Url, gateway.Key, "gateway in the load generator's process", gateway, null);
    }

    public static LoadTarget External(Uri url, string key) => new(url, key, $"gateway at {url} (no diagnostics)", null, null);

    /// <summary>
    /// Starts <c>load gateway-host</c> in a second process of this program (same runtime settings via the environment,
    /// plus the variables in <c>LOAD_GATEWAY_ENV</c>, e.g. <c>DOTNET_gcServer=1;DOTNET_TieredPGO=0</c>, for the gateway alone).
    /// </summary>
    public static async Task<LoadTarget> SpawnAsync(bool fsync, Uri? elasticsearch, CancellationToken cancellationToken)
    {
        string[] args = elasticsearch is null
            ? ["gateway-host", fsync ? "fsync" : "nofsync"]
            : ["gateway-host", fsync ? "fsync" : "nofsync", "--elasticsearch", elasticsearch.ToString()];
        var environment = Environment.GetEnvironmentVariable("LOAD_GATEWAY_ENV");
        var (child, ready) = await ChildRun.StartAsync(args, nice: 0, cancellationToken, environment);
        var settings = string.IsNullOrWhiteSpace(environment) ? string.Empty : $" with {environment}";
        return new LoadTarget(new Uri(ready[0]), ready[1], $"gateway in child process {child.Id}{settings}", null, child);
    }

    public async Task BeginAsync()
    {
        _inProcess?.Diagnostics.Begin();
        await SendAsync("begin");
    }

    public async Task EndAsync()
    {
        _inProcess?.Diagnostics.End();
        await SendAsync("end");
    }

    /// <summary>Methods the gateway's process has JIT-compiled so far (tier-ups included), or null for an external gateway.</summary>
    public async Task<long?> CompiledMethodsAsync()
    {
        if (_inProcess is not null)
        {
            return System.Runtime.JitInfo.GetCompiledMethodCount();
        }

        if (_child is null)
        {
            return null;
        }

        await SendAsync("jit");
        return long.Parse(await _child.StandardOutput.ReadLineAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The gateway process's diagnostics over the durable slices, or nothing for an external gateway.</summary>
    public async Task<string> ReportAsync()
    {
        if (_inProcess is not null)
        {
            return _inProcess.Diagnostics.Report();
        }

        if (_child is null)
        {
            return string.Empty;
        }

        await SendAsync("report");
        var lines = new List<string>();
        while (await _child.StandardOutput.ReadLineAsync() is { } line && line != ".")
        {
            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        if (_child is not null)
        {
            await ChildRun.StopAsync(_child);
        }
    }

    private async Task SendAsync(string command)
    {
        if (_child is not null)
        {
            await _child.StandardInput.WriteLineAsync(command);
            await _child.StandardInput.FlushAsync();
        }
    }
}
