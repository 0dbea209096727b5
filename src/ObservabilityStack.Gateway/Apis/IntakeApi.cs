using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway.Intake;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Apis;

/// <summary><c>POST /v1/logs</c> and the CORS-enabled <c>POST /v1/browser-logs</c>.</summary>
internal static class IntakeApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/logs", (HttpContext context, GatewayRuntime runtime) => HandleAsync(context, runtime, browser: false));
        routes.MapPost("/v1/browser-logs", (HttpContext context, GatewayRuntime runtime) => HandleAsync(context, runtime, browser: true));
        routes.MapMethods("/v1/browser-logs", ["OPTIONS"], Preflight);
    }

    private static IResult Preflight(HttpContext context, GatewayRuntime runtime)
    {
        var origin = context.Request.Headers.Origin.ToString();
        context.Response.Headers.Vary = "Origin";
        if (origin.Length == 0 || !runtime.Keys.AnyBrowserKeyAllows(origin))
        {
            return Results.StatusCode(403);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        headers.AccessControlAllowHeaders = "Authorization, Content-Type, Content-Encoding";
        headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, GatewayRuntime runtime, bool browser)
    {
        var started = Stopwatch.GetTimestamp();
        if (browser && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            context.Response.Headers.Vary = "Origin";
            if (runtime.Keys.AnyBrowserKeyAllows(origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
            }
        }

        var (key, refusal) = IntakeGuard.Check(context, runtime, browser, esShape: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var options = runtime.Options;
        var limits = browser ? options.BrowserLimits : options.Limits;
        var (body, bodyError) = await BodyReader.ReadAsync(context.Request, limits, context.RequestAborted);
        if (bodyError is not null)
        {
            return Refuse(runtime, bodyError);
        }

        using var pooled = body!;
        using var records = new PooledBufferWriter(pooled.Length + (pooled.Length / 4) + 4096, IntakeMemory.Pool);
        var rejected = new List<(int Index, RejectReason Reason)>();
        var ndjson = context.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true;
        var normalizer = runtime.RentNormalizer();
        BodyError? error;
        int accepted;
        try
        {
            error = LogsBatch.Process(pooled.Span, ndjson, key!, limits, runtime.Clock.GetUtcNow(), normalizer, records, rejected, out accepted);
        }
        finally
        {
            runtime.Return(normalizer);
        }

        if (error is not null)
        {
            return Refuse(runtime, error);
        }

        foreach (var (_, reason) in rejected)
        {
            runtime.Metrics.AddRejected(reason.Kind);
        }

        if (accepted > 0 && await runtime.Wal.AppendAsync(records.WrittenMemory) == WalAppendResult.QuotaExceeded)
        {
            Log.QuotaReached(runtime.Logger, runtime.Wal.MaxBytes, runtime.Wal.QueuedBytes);
            runtime.Metrics.AddRejected("queue_full", accepted);
            return Answers.Error(429, new RejectReason("queue_full", "the durable queue is full; retry later"), retryAfterSeconds: 5);
        }

        runtime.Metrics.AddAccepted(accepted);
        runtime.Metrics.IntakeDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new AcceptedResult(accepted, rejected);
    }

    private static IResult Refuse(GatewayRuntime runtime, BodyError error)
    {
        runtime.Metrics.AddRejected(error.Reason.Kind);
        return Answers.Error(error.Status, error.Reason);
    }

    // 202 {"accepted":n,"rejected":[{"index":i,"reason":"..."}]}; 400 when nothing at all was accepted.
    private sealed class AcceptedResult(int accepted, List<(int Index, RejectReason Reason)> rejected) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = accepted == 0 && rejected.Count > 0 ? 400 : 202;
            response.ContentType = "application/json";
            var buffer = new ArrayBufferWriter<byte>(64 + (rejected.Count * 96));
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                if (response.StatusCode == 400)
                {
                    w.WriteString("error", rejected[0].Reason.Kind);
                    w.WriteString("reason", rejected[0].Reason.Message);
                }

                w.WriteNumber("accepted", accepted);
                w.WriteStartArray("rejected");
                foreach (var (index, reason) in rejected)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", index);
                    w.WriteString("reason", reason.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
        }
    }
}
