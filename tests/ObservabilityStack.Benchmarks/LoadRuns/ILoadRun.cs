namespace ObservabilityStack.Benchmarks.LoadRuns;

/// <summary>
/// A load run: a bounded, self-stopping measurement against real servers on loopback that prints
/// its figures and a ratio against a baseline measured in the same run. Discovered by name.
/// </summary>
public interface ILoadRun
{
    /// <summary>Name on the command line: <c>dotnet run -c Release --project tests/ObservabilityStack.Benchmarks -- load NAME</c>.</summary>
    string Name { get; }

    /// <summary>Runs the load and prints results; returns a process exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
