using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// A short in-process job: the machine is shared, and the generated-project toolchain trips over the solution's
/// warnings-as-errors build settings; in-process keeps the same JIT and GC settings as the host.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
