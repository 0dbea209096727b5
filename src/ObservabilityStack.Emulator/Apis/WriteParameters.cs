using System.Buffers.Text;
using System.Text.Json;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Shared pieces of document writes: refresh policy, auto ids, op_type and result bodies.</summary>
internal static class WriteParameters
{
    /// <summary>The refresh parameter: <c>true</c>/empty, <c>wait_for</c> or <c>false</c>.</summary>
    public static RefreshPolicy Refresh(string? value) => value switch
    {
        null or "false" => RefreshPolicy.None,
        "" or "true" => RefreshPolicy.Immediate,
        "wait_for" => RefreshPolicy.WaitFor,
        _ => throw EmulatorException.IllegalArgument($"Unknown value for refresh: [{value}]."),
    };

    /// <summary>A 20-character URL-safe id like Elasticsearch's auto-generated ones.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[15];
        Random.Shared.NextBytes(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static WriteKind OpType(string? opType, bool hasId, WriteKind defaultKind) => opType switch
    {
        null => defaultKind,
        "index" => WriteKind.Index,
        "create" => WriteKind.Create,
        _ => throw EmulatorException.IllegalArgument($"opType must be 'create' or 'index', found: [{opType}]"),
    };

    /// <summary>Makes writes visible when asked; with a durable emulator the log is flushed first.</summary>
    public static void Complete(IEnumerable<EsIndex> touched, RefreshPolicy refresh)
    {
        foreach (var index in touched)
        {
            index.FlushLog();
            if (refresh != RefreshPolicy.None)
            {
                index.Refresh();
            }
        }
    }

    /// <summary>Writes the fields of a write result (index/create/delete/update answers and bulk items).</summary>
    public static void WriteResultFields(Utf8JsonWriter w, WriteResult result, int replicas, RefreshPolicy refresh)
    {
        w.WriteString("_index", result.Index);
        w.WriteString("_id", result.Id);
        w.WriteNumber("_version", result.Version);
        w.WriteString("result", result.Result);
        if (refresh == RefreshPolicy.Immediate && result.Result != "noop")
        {
            w.WriteBoolean("forced_refresh", true);
        }

        w.WriteStartObject("_shards");
        w.WriteNumber("total", result.Result == "noop" ? 0 : 1 + replicas);
        w.WriteNumber("successful", result.Result == "noop" ? 0 : 1);
        w.WriteNumber("failed", 0);
        w.WriteEndObject();
        w.WriteNumber("_seq_no", result.SeqNo);
        w.WriteNumber("_primary_term", result.PrimaryTerm);
    }

    public static Task WriteAnswerAsync(EsRequest r, WriteResult result, EsIndex index, RefreshPolicy refresh) =>
        r.WriteAsync(result.Status, w =>
        {
            w.WriteStartObject();
            WriteResultFields(w, result, index.Replicas, refresh);
            w.WriteEndObject();
        });

    public static WriteOptions Conditions(EsRequest r, bool createOnly)
    {
        var seqNo = r.Long("if_seq_no");
        var term = r.Long("if_primary_term");
        if (seqNo is not null && term is null || seqNo is null && term is not null)
        {
            throw new EmulatorException(400, "action_request_validation_exception",
                "Validation Failed: 1: ifSeqNo is set, but primary term is [0];");
        }

        return new WriteOptions(createOnly, seqNo, term);
    }
}
