using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Apis;

/// <summary>
/// Elasticsearch-compatible <c>POST /_bulk</c> and <c>POST /{target}/_bulk</c>, so existing shippers
/// (rsyslog, Filebeat, Vector, Logstash) can point at the gateway. Targets are rewritten to the key's
/// own data stream; the answer has Elasticsearch's bulk shape, with 201 meaning "durably accepted".
/// </summary>
internal static class BulkApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/_bulk", HandleAsync);
        routes.MapPut("/_bulk", HandleAsync);
        routes.MapPost("/{target}/_bulk", HandleAsync);
        routes.MapPut("/{target}/_bulk", HandleAsync);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, GatewayRuntime runtime)
    {
        context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        var (key, refusal) = IntakeGuard.Check(context, runtime, browser: false, esShape: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var options = runtime.Options;
        if (!await runtime.Intake.EnterAsync(TimeSpan.FromMilliseconds(options.BodySlotWaitMilliseconds), context.RequestAborted))
        {
            return IntakeGuard.Busy(runtime, esShape: true);
        }

        var started = runtime.Clock.GetTimestamp();
        Written written;
        try
        {
            written = await ReadAndWriteAsync(context, runtime, key!, options.Limits);
        }
        finally
        {
            runtime.Intake.Leave();
        }

        if (written.Error is { } error)
        {
            runtime.Metrics.AddRejected(error.Reason.Kind);
            return Answers.Error(error.Status, error.Reason, elasticsearchShape: true);
        }

        var items = written.Items;
        var accepted = items.Count(i => i.Error is null);
        foreach (var item in items.Where(i => i.Error is not null))
        {
            runtime.Metrics.AddRejected(item.Error!.Value.Kind);
        }

        if (written.Durable is { } durable && await durable == WalAppendResult.QuotaExceeded)
        {
            runtime.Metrics.AddRejected("queue_full", accepted);
            return Answers.Error(429, new RejectReason("es_rejected_execution_exception", "the durable queue is full; retry later"), 5, elasticsearchShape: true);
        }

        runtime.Metrics.AddAccepted(accepted);
        var took = (long)runtime.Clock.GetElapsedTime(started).TotalMilliseconds;
        return Results.Bytes(Render(items, took), "application/json");
    }

    // Reads, parses and writes the body into the log inside the caller's intake slot; the buffers are back in the pool
    // before the caller waits for the fsync (the log has copied the records by then).
    private static async Task<Written> ReadAndWriteAsync(HttpContext context, GatewayRuntime runtime, ApiKeyRecord key, IntakeLimits limits)
    {
        var (body, bodyError) = await BodyReader.ReadAsync(context.Request, limits, runtime.Intake.Pool, context.RequestAborted);
        if (bodyError is not null)
        {
            return new Written(bodyError, [], null);
        }

        using var pooled = body!;
        using var records = new PooledBufferWriter(pooled.Length + (pooled.Length / 4) + 4096, runtime.Intake.Pool);
        var items = new List<BulkItem>();
        var normalizer = runtime.RentNormalizer();
        BodyError? error;
        try
        {
            error = BulkBatch.Process(pooled.Span, key, limits, runtime.Clock.GetUtcNow(), normalizer, records, items);
        }
        finally
        {
            runtime.Return(normalizer);
        }

        return error is not null ? new Written(error, items, null)
            : new Written(null, items, items.Exists(i => i.Error is null) ? runtime.Wal.AppendAsync(records.WrittenMemory) : null);
    }

    private sealed record Written(BodyError? Error, List<BulkItem> Items, Task<WalAppendResult>? Durable);

    private static byte[] Render(List<BulkItem> items, long took)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (items.Count * 160));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("took", took);
            w.WriteBoolean("errors", items.Exists(i => i.Error is not null));
            w.WriteStartArray("items");
            foreach (var item in items)
            {
                w.WriteStartObject();
                w.WriteStartObject(item.Action);
                w.WriteString("_index", item.Index);
                w.WriteString("_id", item.Id);
                w.WriteNumber("status", item.Status);
                if (item.Error is { } reason)
                {
                    w.WriteStartObject("error");
                    w.WriteString("type", reason.Kind);
                    w.WriteString("reason", reason.Message);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNumber("_version", 1);
                    w.WriteString("result", "created");
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
