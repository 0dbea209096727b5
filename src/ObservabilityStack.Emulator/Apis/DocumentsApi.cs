using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Single-document APIs: index, create, get, exists, source, delete, update.</summary>
internal static class DocumentsApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("PUT,POST", "/{index}/_doc/{id}", r => Index(r, context, r.Route("id"), false));
        router.Map("POST", "/{index}/_doc", r => Index(r, context, null, false));
        router.Map("PUT,POST", "/{index}/_create/{id}", r => Index(r, context, r.Route("id"), true));
        router.Map("GET,HEAD", "/{index}/_doc/{id}", r => Get(r, cluster, sourceOnly: false));
        router.Map("GET,HEAD", "/{index}/_source/{id}", r => Get(r, cluster, sourceOnly: true));
        router.Map("DELETE", "/{index}/_doc/{id}", r => Delete(r, cluster));
        router.Map("POST", "/{index}/_update/{id}", r => Update(r, cluster));
    }

    private static async Task Index(EsRequest r, EmulatorContext context, string? id, bool create)
    {
        var cluster = context.Cluster;
        if (id is "")
        {
            throw EmulatorException.IllegalArgument("if _id is specified it must not be empty");
        }

        var kind = create ? WriteKind.Create : WriteParameters.OpType(r.Query("op_type"), id is not null, WriteKind.Index);
        var refresh = WriteParameters.Refresh(r.Query("refresh"));
        var conditions = WriteParameters.Conditions(r, kind == WriteKind.Create || id is null);
        var source = await r.ReadBytesAsync();
        if (source.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: source is missing;");
        }

        var target = cluster.ResolveWriteTarget(r.Route("index"), kind, r.Flag("require_alias"), conditions.IfSeqNo is not null, autoId: id is null);
        id ??= WriteParameters.NewId();
        WriteResult result;
        try
        {
            result = target.Index(id, context.Ingest.Process(target, r.Query("pipeline"), id, source), conditions);
        }
        catch (EmulatorException e) when (FailureStoreWriter.Accepts(cluster, target, e))
        {
            var (failures, stored) = FailureStoreWriter.Write(cluster, target, r.Route("index"), id, source, e);
            WriteParameters.Complete([failures], refresh);
            await FailureStoreWriter.AnswerAsync(r, stored, failures, refresh);
            return;
        }

        WriteParameters.Complete([target], refresh);
        await WriteParameters.WriteAnswerAsync(r, result, target, refresh);
    }

    private static Task Get(EsRequest r, Cluster cluster, bool sourceOnly)
    {
        var name = r.Route("index");
        var id = r.Route("id");
        var indices = cluster.Resolve(name, IndicesOptions.Strict);
        if (indices.Count > 1)
        {
            throw EmulatorException.IllegalArgument(
                $"alias [{name}] has more than one index associated with it [{string.Join(", ", indices.Select(i => i.Name))}], can't execute a single index op");
        }

        var index = indices[0];
        var doc = index.Get(id);
        if (r.Method == "HEAD")
        {
            return r.StatusOnlyAsync(doc is null ? 404 : 200);
        }

        if (sourceOnly)
        {
            return doc is null
                ? throw new EmulatorException(404, "resource_not_found_exception", $"Document not found [{index.Name}]/[{id}]")
                : r.WriteBytesAsync(200, SourceFilter.Apply(doc.Source, r));
        }

        return r.WriteAsync(doc is null ? 404 : 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("_index", index.Name);
            w.WriteString("_id", id);
            if (doc is not null)
            {
                w.WriteNumber("_version", doc.Version);
                w.WriteNumber("_seq_no", doc.SeqNo);
                w.WriteNumber("_primary_term", doc.PrimaryTerm);
                w.WriteBoolean("found", true);
                var source = SourceFilter.Apply(doc.Source, r);
                if (!source.IsEmpty)
                {
                    w.WritePropertyName("_source");
                    w.WriteRawValue(source.Span, skipInputValidation: true);
                }
            }
            else
            {
                w.WriteBoolean("found", false);
            }

            w.WriteEndObject();
        });
    }

    private static Task Delete(EsRequest r, Cluster cluster)
    {
        var refresh = WriteParameters.Refresh(r.Query("refresh"));
        var conditions = WriteParameters.Conditions(r, false);
        var target = cluster.ResolveWriteTarget(r.Route("index"), WriteKind.Delete, hasIfSeqNo: conditions.IfSeqNo is not null);
        var result = target.Delete(r.Route("id"), conditions);
        WriteParameters.Complete([target], refresh);
        return WriteParameters.WriteAnswerAsync(r, result, target, refresh);
    }

    private static async Task Update(EsRequest r, Cluster cluster)
    {
        var refresh = WriteParameters.Refresh(r.Query("refresh"));
        var conditions = WriteParameters.Conditions(r, false);
        var body = await r.ReadObjectAsync();
        if (body["script"] is not null)
        {
            throw EmulatorException.IllegalArgument("scripted updates are not supported by the emulator");
        }

        var target = cluster.ResolveWriteTarget(r.Route("index"), WriteKind.Update);
        var result = target.Update(r.Route("id"), body["doc"] as JsonObject, body["upsert"] as JsonObject,
            body["doc_as_upsert"]?.GetValue<bool>() == true, conditions);
        WriteParameters.Complete([target], refresh);
        await WriteParameters.WriteAnswerAsync(r, result, target, refresh);
    }
}
