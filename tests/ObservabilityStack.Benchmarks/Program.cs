using BenchmarkDotNet.Running;
using ObservabilityStack.Benchmarks.LoadRuns;

// `-- load NAME [args]` runs a load run (see ILoadRun); anything else goes to BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "load")
{
    var runs = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(ILoadRun).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (ILoadRun)Activator.CreateInstance(t)!)
        .ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
    if (args[1] == "all")
    {
        // Every user-facing run in turn with its defaults ("gateway-host" is the spawned half of "gateway").
        var worst = 0;
        foreach (var name in runs.Keys.Where(n => !n.EndsWith("-host", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"== load {name}");
            worst = Math.Max(worst, await runs[name].RunAsync([], cts.Token));
        }

        return worst;
    }

    if (!runs.TryGetValue(args[1], out var run))
    {
        Console.Error.WriteLine($"Unknown load run '{args[1]}'. Known: {string.Join(", ", runs.Keys.Order())}, all");
        return 2;
    }

    return await run.RunAsync(args[2..], cts.Token);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
