using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// Redirects a document a data stream rejected into its failure store, as Elasticsearch does when the stream's
/// template enables it: the original source and the error become a document in the <c>.fs-</c> index, and the
/// write answers 201 with <c>"failure_store":"used"</c>. Version conflicts and overload are never redirected.
/// </summary>
internal static class FailureStoreWriter
{
    public static bool Accepts(Cluster cluster, EsIndex target, EmulatorException error) =>
        error.Status is >= 400 and not 409 and not 429
        && target.DataStream is { } name && cluster.FindDataStream(name) is { FailureStoreEnabled: true };

    public static (EsIndex Index, WriteResult Result) Write(Cluster cluster, EsIndex target, string requested, string id, byte[] source,
        EmulatorException error)
    {
        var failures = cluster.FailureIndexFor(cluster.FindDataStream(target.DataStream!)!);
        JsonNode? original;
        try
        {
            original = EsRequest.ParseJson(source);
        }
        catch (EmulatorException)
        {
            original = Encoding.UTF8.GetString(source);
        }

        var document = new JsonObject
        {
            ["@timestamp"] = cluster.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["document"] = new JsonObject { ["id"] = id, ["index"] = requested, ["source"] = original },
            ["error"] = new JsonObject { ["type"] = error.Type, ["message"] = error.Message },
        };
        var result = failures.Index(WriteParameters.NewId(), Encoding.UTF8.GetBytes(document.ToJsonString()), new WriteOptions(true, null, null));
        return (failures, result);
    }

    public static Task AnswerAsync(EsRequest r, WriteResult result, EsIndex index, RefreshPolicy refresh) =>
        r.WriteAsync(result.Status, w =>
        {
            w.WriteStartObject();
            WriteParameters.WriteResultFields(w, result, index.Replicas, refresh);
            w.WriteString("failure_store", "used");
            w.WriteEndObject();
        });
}
