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

    // Pre-encoded names: bulk answers write these a million times.
    private static readonly JsonEncodedText IndexName = JsonEncodedText.Encode("_index");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("_id");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("_version");
    private static readonly JsonEncodedText ResultName = JsonEncodedText.Encode("result");
    private static readonly JsonEncodedText ShardsName = JsonEncodedText.Encode("_shards");
    private static readonly JsonEncodedText TotalName = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText SuccessfulName = JsonEncodedText.Encode("successful");
    private static readonly JsonEncodedText FailedName = JsonEncodedText.Encode("failed");
    private static readonly JsonEncodedText SeqNoName = JsonEncodedText.Encode("_seq_no");
    private static readonly JsonEncodedText PrimaryTermName = JsonEncodedText.Encode("_primary_term");

    /// <summary>Writes the fields of a write result (index/create/delete/update answers and bulk items).</summary>
    public static void WriteResultFields(Utf8JsonWriter w, WriteResult result, int replicas, RefreshPolicy refresh)
    {
        w.WriteString(IndexName, result.Index);
        w.WriteString(IdName, result.Id);
        w.WriteNumber(VersionName, result.Version);
        w.WriteString(ResultName, result.Result);
        if (refresh == RefreshPolicy.Immediate && result.Result != "noop")
        {
            w.WriteBoolean("forced_refresh", true);
        }

        w.WriteStartObject(ShardsName);
        w.WriteNumber(TotalName, result.Result == "noop" ? 0 : 1 + replicas);
        w.WriteNumber(SuccessfulName, result.Result == "noop" ? 0 : 1);
        w.WriteNumber(FailedName, 0);
        w.WriteEndObject();
        w.WriteNumber(SeqNoName, result.SeqNo);
        w.WriteNumber(PrimaryTermName, result.PrimaryTerm);
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
