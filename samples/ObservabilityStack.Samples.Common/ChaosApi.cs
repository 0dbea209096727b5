using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Samples.Common;

/// <summary>Misbehaviour on demand, so alert rules have something real to catch.</summary>
public static class ChaosApi
{
    private const int MaxCount = 100_000;

    private static readonly Dictionary<string, Func<Exception>> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timeout"] = () => new TimeoutException("Downstream call timed out (chaos)"),
        ["invalid-operation"] = () => new InvalidOperationException("Order state machine violated (chaos)"),
        ["key-not-found"] = () => new KeyNotFoundException("Customer record missing (chaos)"),
        ["argument"] = () => new ArgumentException("Quantity must be positive (chaos)"),
        ["out-of-memory"] = () => new InsufficientMemoryException("Cache could not grow (chaos)"),
        ["database"] = () => new InvalidOperationException("Database connection lost (chaos)", new TimeoutException("Connection pool exhausted")),
    };

    /// <summary>Maps <c>POST /chaos/5xx?count=N</c>, <c>POST /chaos/flood?requests=N</c> and <c>POST /chaos/exception?type=T</c>.</summary>
    public static IEndpointRouteBuilder MapChaos(this IEndpointRouteBuilder app)
    {
        var chaos = app.MapGroup("/chaos");
        chaos.MapPost("/5xx", (int? count, ChaosState state, ILogger<ChaosState> logger) =>
        {
            var n = count ?? 10;
            if (n is < 1 or > MaxCount)
            {
                return Results.BadRequest(new { error = "invalid_count", reason = $"count must be 1..{MaxCount}" });
            }

            state.FailNext(n);
            logger.LogWarning("Chaos: the next {Count} requests will fail with 503", n);
            return Results.Accepted(value: new { failing_next = n });
        });
        chaos.MapPost("/flood", async (int? requests, HttpContext context, IHttpClientFactory factory, ILogger<ChaosState> logger, CancellationToken cancellationToken) =>
        {
            var n = requests ?? 500;
            if (n is < 1 or > MaxCount)
            {
                return Results.BadRequest(new { error = "invalid_requests", reason = $"requests must be 1..{MaxCount}" });
            }

            logger.LogWarning("Chaos: flooding this service with {Requests} requests", n);
            var client = factory.CreateClient();
            var target = new Uri($"{context.Request.Scheme}://{context.Request.Host}/api/ping");
            var ok = 0;
            await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (_, ct) =>
            {
                using var response = await client.GetAsync(target, ct);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                }
            });
            return Results.Ok(new { requests = n, succeeded = ok });
        });
        chaos.MapPost("/exception", IResult (string? type) =>
        {
            if (type is null || !Exceptions.TryGetValue(type, out var create))
            {
                return Results.BadRequest(new { error = "unknown_type", reason = $"type must be one of: {string.Join(", ", Exceptions.Keys)}" });
            }

            throw create();
        });
        return app;
    }
}
