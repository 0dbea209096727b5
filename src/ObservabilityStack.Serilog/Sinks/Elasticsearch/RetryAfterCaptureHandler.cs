using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// Hands the <c>Retry-After</c> of an answer back to the caller, which the typed client's results do not carry.
/// Several batches may be in flight at once, so the value goes into a box the caller put in an async-local slot
/// before the call (<see cref="Capture"/>): each request writes to its own caller's box.
/// </summary>
internal sealed class RetryAfterCaptureHandler : DelegatingHandler
{
    private static readonly AsyncLocal<StrongBox<RetryConditionHeaderValue?>?> Slot = new();

    public RetryAfterCaptureHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Starts capturing for the calls made from the current async flow; read the box after the call.</summary>
    public static StrongBox<RetryConditionHeaderValue?> Capture()
    {
        var box = new StrongBox<RetryConditionHeaderValue?>();
        Slot.Value = box;
        return box;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Slot.Value is { } box)
        {
            box.Value = response.Headers.RetryAfter;
        }

        return response;
    }
}
