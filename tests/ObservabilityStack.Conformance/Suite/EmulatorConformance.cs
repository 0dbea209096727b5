using ObservabilityStack.Emulator;

namespace ObservabilityStack.Conformance.Suite;

/// <summary>Runs the suite against a cluster URL, or against an emulator started in-process on a free port.</summary>
public static class EmulatorConformance
{
    /// <summary>Runs against <paramref name="url"/>, or a fresh in-memory emulator when it is null.</summary>
    public static async Task<SuiteResult> RunAsync(ConformanceOptions options, Uri? url, CancellationToken cancellationToken = default)
    {
        var runner = new ConformanceRunner(options);
        if (url is not null)
        {
            return await runner.RunAsync(url, cancellationToken).ConfigureAwait(false);
        }

        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            return await runner.RunAsync(emulator.Url, cancellationToken).ConfigureAwait(false);
        }
    }
}
