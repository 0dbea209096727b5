using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Ingest;

public sealed class PipelineTests
{
    private const string Normalise = """
        {"description":"normalise","processors":[
          {"set":{"field":"event.module","value":"{{service.name}}-logs"}},
          {"rename":{"field":"msg","target_field":"message"}},
          {"lowercase":{"field":"level"}},
          {"remove":{"field":"secret","ignore_missing":true}},
          {"date":{"field":"ts","formats":["UNIX_MS"],"target_field":"@timestamp"}},
          {"convert":{"field":"status","type":"integer"}}
        ]}
        """;

    [Fact]
    public async Task APipelineStoredThenNamedOnAWriteTransformsTheDocument()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/_ingest/pipeline/normalise", Normalise)).Json["acknowledged"]!.GetValue<bool>().ShouldBeTrue();
        var written = await es.PutAsync("/app/_doc/1?pipeline=normalise&refresh=true",
            """{"msg":"hello","level":"WARN","secret":"x","ts":1700000000000,"status":"503","service":{"name":"shop"}}""");
        written.Code.ShouldBe(201, written.Raw);

        var source = (await es.GetAsync("/app/_source/1")).Json;
        source["message"]!.GetValue<string>().ShouldBe("hello");
        source["msg"].ShouldBeNull();
        source["level"]!.GetValue<string>().ShouldBe("warn");
        source["secret"].ShouldBeNull();
        source["@timestamp"]!.GetValue<string>().ShouldBe("2023-11-14T22:13:20.000Z");
        source["status"]!.GetValue<int>().ShouldBe(503);
        source["event"]!["module"]!.GetValue<string>().ShouldBe("shop-logs");
    }

    [Fact]
    public async Task DefaultAndFinalPipelinesRunOnBulkAndSingleWritesAndNoneSkipsTheDefault()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/_ingest/pipeline/first", """{"processors":[{"set":{"field":"stage","value":"default"}}]}""");
        await es.PutAsync("/_ingest/pipeline/last", """{"processors":[{"uppercase":{"field":"stage"}}]}""");
        await es.PutAsync("/piped", """{"settings":{"index.default_pipeline":"first","index.final_pipeline":"last"}}""");

        var bulk = await es.BulkAsync("/_bulk?refresh=true",
            """{"index":{"_index":"piped","_id":"a"}}""", """{"n":1}""",
            """{"index":{"_index":"piped","_id":"b","pipeline":"_none"}}""", """{"n":2,"stage":"given"}""");
        bulk.Json["errors"]!.GetValue<bool>().ShouldBeFalse(bulk.Raw);
        (await es.GetAsync("/piped/_source/a")).Json["stage"]!.GetValue<string>().ShouldBe("DEFAULT");
        (await es.GetAsync("/piped/_source/b")).Json["stage"]!.GetValue<string>().ShouldBe("GIVEN");
    }

    [Fact]
    public async Task FailuresAreClearErrorsUnlessHandled()
    {
        await using var es = await TestEmulator.StartAsync();
        var unknown = await es.PutAsync("/_ingest/pipeline/bad", """{"processors":[{"explode":{}}]}""");
        unknown.Code.ShouldBe(400);
        unknown.ErrorType.ShouldBe("parse_exception");
        unknown.ErrorReason.ShouldBe("No processor type exists with name [explode]");
        (await es.PutAsync("/_ingest/pipeline/bad", """{"processors":[{"set":{"value":1}}]}""")).ErrorReason.ShouldBe("[field] required property is missing");

        await es.PutAsync("/_ingest/pipeline/strict", """{"processors":[{"rename":{"field":"missing","target_field":"x"}}]}""");
        var failed = await es.PutAsync("/strict_index/_doc/1?pipeline=strict", """{"a":1}""");
        failed.Code.ShouldBe(400);
        failed.ErrorReason.ShouldBe("field [missing] not present as part of path [missing]");
        var none = await es.PutAsync("/strict_index/_doc/1?pipeline=nope", """{"a":1}""");
        none.ErrorReason.ShouldBe("pipeline with id [nope] does not exist");

        await es.PutAsync("/_ingest/pipeline/handled",
            """{"processors":[{"rename":{"field":"missing","target_field":"x","on_failure":[{"set":{"field":"error","value":"{{_ingest.on_failure_message}}"}}]}}]}""");
        (await es.PutAsync("/handled_index/_doc/1?pipeline=handled", """{"a":1}""")).Code.ShouldBe(201);
        (await es.GetAsync("/handled_index/_source/1")).Json["error"]!.GetValue<string>().ShouldContain("not present");
    }

    [Fact]
    public async Task PipelinesCanBeListedSimulatedDeletedAndSurviveARestart()
    {
        var data = Directory.CreateTempSubdirectory("obs-ingest-").FullName;
        try
        {
            await using (var es = await TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = data }))
            {
                await es.PutAsync("/_ingest/pipeline/normalise", Normalise);
                var simulated = await es.PostAsync("/_ingest/pipeline/normalise/_simulate",
                    """{"docs":[{"_source":{"msg":"m","level":"INFO","ts":0,"status":"1","service":{"name":"a"}}}]}""");
                simulated.Json["docs"]![0]!["doc"]!["_source"]!["level"]!.GetValue<string>().ShouldBe("info");
            }

            await using (var es = await TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = data }))
            {
                (await es.GetAsync("/_ingest/pipeline/normalise")).Json["normalise"]!["description"]!.GetValue<string>().ShouldBe("normalise");
                (await es.DeleteAsync("/_ingest/pipeline/normalise")).Code.ShouldBe(200);
                (await es.GetAsync("/_ingest/pipeline/normalise")).Code.ShouldBe(404);
                (await es.DeleteAsync("/_ingest/pipeline/normalise")).ErrorType.ShouldBe("resource_not_found_exception");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
