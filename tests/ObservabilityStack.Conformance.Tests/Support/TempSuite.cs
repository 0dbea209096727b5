namespace ObservabilityStack.Conformance.Tests.Support;

/// <summary>A temporary suite layout (<c>api/</c> beside <c>tests/</c>) with a few spec files, deleted on dispose.</summary>
public sealed class TempSuite : IDisposable
{
    public TempSuite()
    {
        Root = Path.Combine(Path.GetTempPath(), "conformance-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "api", "legacy-format"));
        Directory.CreateDirectory(TestsDirectory);
        WriteSpec("_common.json", """{"documentation":{},"params":{"pretty":{},"filter_path":{}}}""");
        WriteSpec("info.json", """{"info":{"url":{"paths":[{"path":"/","methods":["GET"]}]},"params":{}}}""");
        WriteSpec("index.json", """
            {"index":{"url":{"paths":[
              {"path":"/{index}/_doc/{id}","methods":["PUT","POST"],"parts":{"index":{},"id":{}}},
              {"path":"/{index}/_doc","methods":["POST"],"parts":{"index":{}}}]},
             "params":{"refresh":{},"op_type":{}},"body":{"required":true}}}
            """);
        WriteSpec("bulk.json", """
            {"bulk":{"url":{"paths":[{"path":"/_bulk","methods":["POST","PUT"]},
              {"path":"/{index}/_bulk","methods":["POST","PUT"],"parts":{"index":{}}}]},
             "params":{"refresh":{}},"body":{"required":true,"serialize":"bulk"}}}
            """);
        WriteSpec("search.json", """
            {"search":{"url":{"paths":[{"path":"/_search","methods":["GET","POST"]},
              {"path":"/{index}/_search","methods":["GET","POST"],"parts":{"index":{}}}]},
             "params":{"size":{},"rest_total_hits_as_int":{}}}}
            """);
        WriteSpec("indices.exists.json", """
            {"indices.exists":{"url":{"paths":[{"path":"/{index}","methods":["HEAD"],"parts":{"index":{}}}]},"params":{}}}
            """);
        WriteSpec(Path.Combine("legacy-format", "indices.create.json"), """
            {"indices.create":{"methods":["PUT","POST"],"url":{"path":"/{index}","paths":["/{index}"],
              "parts":{"index":{"required":true}},"params":{"timeout":{}}},"body":{}}}
            """);
    }

    public string Root { get; }

    public string ApiDirectory => Path.Combine(Root, "api");

    public string TestsDirectory => Path.Combine(Root, "tests");

    /// <summary>Writes <c>tests/{folder}/{file}.yml</c>.</summary>
    public void WriteTest(string folder, string file, string yaml)
    {
        var dir = Path.Combine(TestsDirectory, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file + ".yml"), yaml);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void WriteSpec(string name, string json) => File.WriteAllText(Path.Combine(ApiDirectory, name), json);
}
