using ObservabilityStack.Serilog.Context;

namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>
/// Sends the current correlation id on outgoing <see cref="HttpClient"/> calls as <c>X-Correlation-ID</c>.
/// <c>AddObservabilityStack()</c> adds it to every client from <c>IHttpClientFactory</c>; W3C trace context
/// flows through <see cref="HttpClient"/>'s own propagation.
/// </summary>
public sealed class CorrelationIdHandler : DelegatingHandler
{
    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationContext.Current is { } id && !request.Headers.Contains(CorrelationContext.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(CorrelationContext.HeaderName, id);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
