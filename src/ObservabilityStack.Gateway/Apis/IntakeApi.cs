using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway.Auth;
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
        if (!await runtime.Intake.EnterAsync(TimeSpan.FromMilliseconds(options.BodySlotWaitMilliseconds), context.RequestAborted))
        {
            return IntakeGuard.Busy(runtime, esShape: false);
        }

        Written written;
        try
        {
            written = await ReadAndWriteAsync(context, runtime, key!, limits);
        }
        finally
        {
            runtime.Intake.Leave();
        }

        if (written.Error is not null)
        {
            return Refuse(runtime, written.Error);
        }

        foreach (var (_, reason) in written.Rejected)
        {
            runtime.Metrics.AddRejected(reason.Kind);
        }

        var accepted = written.Accepted;
        if (written.Durable is { } durable && await durable == WalAppendResult.QuotaExceeded)
        {
            Log.QuotaReached(runtime.Logger, runtime.Wal.MaxBytes, runtime.Wal.QueuedBytes);
            runtime.Metrics.AddRejected("queue_full", accepted);
            return Answers.Error(429, new RejectReason("queue_full", "the durable queue is full; retry later"), retryAfterSeconds: 5);
        }

        runtime.Metrics.AddAccepted(accepted);
        runtime.Metrics.IntakeDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new AcceptedResult(accepted, written.Rejected);
    }

    // Reads, parses and writes the body into the log inside the caller's intake slot. The buffers go back to the pool
    // before the caller waits for the fsync (the log has copied the records by then), so waiting for the disk holds none.
    private static async Task<Written> ReadAndWriteAsync(HttpContext context, GatewayRuntime runtime, ApiKeyRecord key, IntakeLimits limits)
    {
        var (body, bodyError) = await BodyReader.ReadAsync(context.Request, limits, runtime.Intake.Pool, context.RequestAborted);
        if (bodyError is not null)
        {
            return new Written(bodyError, 0, [], null);
        }

        using var pooled = body!;
        using var records = new PooledBufferWriter(pooled.Length + (pooled.Length / 4) + 4096, runtime.Intake.Pool);
        var rejected = new List<(int Index, RejectReason Reason)>();
        var ndjson = context.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true;
        var normalizer = runtime.RentNormalizer();
        BodyError? error;
        int accepted;
        try
        {
            error = LogsBatch.Process(pooled.Span, ndjson, key, limits, runtime.Clock.GetUtcNow(), normalizer, records, rejected, out accepted);
        }
        finally
        {
            runtime.Return(normalizer);
        }

        return error is not null ? new Written(error, 0, rejected, null)
            : new Written(null, accepted, rejected, accepted > 0 ? runtime.Wal.AppendAsync(records.WrittenMemory) : null);
    }

    private static IResult Refuse(GatewayRuntime runtime, BodyError error)
    {
        runtime.Metrics.AddRejected(error.Reason.Kind);
        return Answers.Error(error.Status, error.Reason);
    }

    private sealed record Written(BodyError? Error, int Accepted, List<(int Index, RejectReason Reason)> Rejected, Task<WalAppendResult>? Durable);

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
