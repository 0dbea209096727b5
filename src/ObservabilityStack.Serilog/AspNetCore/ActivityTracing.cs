using System.Diagnostics;

namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>
/// Makes sure ASP.NET Core and HttpClient create activities even without OpenTelemetry, so trace ids exist,
/// are logged and flow to downstream services in <c>traceparent</c>. Process-wide, registered once.
/// </summary>
internal static class ActivityTracing
{
    private static readonly Lazy<ActivityListener> Listener = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    public static void EnsureListening()
    {
        Activity.DefaultIdFormat = ActivityIdFormat.W3C;
        _ = Listener.Value;
    }
}
