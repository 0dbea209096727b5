using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class DocumentsApiTests
{
    [Fact]
    public async Task IndexGetAndDeleteCarryVersionsAndSequenceNumbers()
    {
        await using var es = await TestEmulator.StartAsync();
        var first = await es.PutAsync("/docs/_doc/1", """{"title":"a"}""");
        first.Code.ShouldBe(201);
        first.Json["result"]!.GetValue<string>().ShouldBe("created");
        first.Json["_version"]!.GetValue<long>().ShouldBe(1);
        first.Json["_seq_no"]!.GetValue<long>().ShouldBe(0);
        first.Json["_primary_term"]!.GetValue<long>().ShouldBe(1);
        var second = await es.PutAsync("/docs/_doc/1", """{"title":"b"}""");
        second.Code.ShouldBe(200);
        second.Json["result"]!.GetValue<string>().ShouldBe("updated");
        second.Json["_version"]!.GetValue<long>().ShouldBe(2);

        var got = await es.GetAsync("/docs/_doc/1");
        got.Json["found"]!.GetValue<bool>().ShouldBeTrue();
        got.Json["_source"]!["title"]!.GetValue<string>().ShouldBe("b");
        got.Json["_seq_no"]!.GetValue<long>().ShouldBe(1);
        (await es.HeadAsync("/docs/_doc/1")).Code.ShouldBe(200);

        var deleted = await es.DeleteAsync("/docs/_doc/1");
        deleted.Json["result"]!.GetValue<string>().ShouldBe("deleted");
        deleted.Json["_version"]!.GetValue<long>().ShouldBe(3);
        var gone = await es.GetAsync("/docs/_doc/1");
        gone.Code.ShouldBe(404);
        gone.Json["found"]!.GetValue<bool>().ShouldBeFalse();
        (await es.HeadAsync("/docs/_doc/1")).Code.ShouldBe(404);
        (await es.DeleteAsync("/docs/_doc/1")).Json["result"]!.GetValue<string>().ShouldBe("not_found");
    }

    [Fact]
    public async Task OpTypeCreateOnAnExistingDocumentIsAVersionConflict()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/c/_doc/1?op_type=create", """{"a":1}""")).Code.ShouldBe(201);
        var again = await es.PutAsync("/c/_create/1", """{"a":2}""");
        again.Code.ShouldBe(409);
        again.ErrorType.ShouldBe("version_conflict_engine_exception");
        again.ErrorReason.ShouldBe("[1]: version conflict, document already exists (current version [1])");
        (await es.PutAsync("/c/_doc/1?op_type=index", """{"a":3}""")).Json["_version"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task IfSeqNoMustMatchTheCurrentDocument()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/o/_doc/1", """{"a":1}""");
        var stale = await es.PutAsync("/o/_doc/1?if_seq_no=5&if_primary_term=1", """{"a":2}""");
        stale.Code.ShouldBe(409);
        stale.ErrorReason!.ShouldContain("required seqNo [5]");
        var fresh = await es.PutAsync("/o/_doc/1?if_seq_no=0&if_primary_term=1", """{"a":2}""");
        fresh.Code.ShouldBe(200);
    }

    [Fact]
    public async Task PostWithoutIdGeneratesOne()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PostAsync("/auto/_doc", """{"a":1}""");
        answer.Code.ShouldBe(201);
        var id = answer.Json["_id"]!.GetValue<string>();
        id.Length.ShouldBe(20);
        (await es.GetAsync($"/auto/_doc/{id}")).Json["found"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task GetOnAMissingIndexIsIndexNotFound()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.GetAsync("/nothing/_doc/1");
        answer.Code.ShouldBe(404);
        answer.ErrorType.ShouldBe("index_not_found_exception");
    }

    [Fact]
    public async Task UpdateMergesAPartialDocumentAndReportsNoop()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/u/_doc/1", """{"a":1,"b":{"c":1}}""");
        var updated = await es.PostAsync("/u/_update/1", """{"doc":{"b":{"d":2}}}""");
        updated.Json["result"]!.GetValue<string>().ShouldBe("updated");
        var source = (await es.GetAsync("/u/_doc/1")).Json["_source"]!;
        source["b"]!["c"]!.GetValue<int>().ShouldBe(1);
        source["b"]!["d"]!.GetValue<int>().ShouldBe(2);
        (await es.PostAsync("/u/_update/1", """{"doc":{"a":1}}""")).Json["result"]!.GetValue<string>().ShouldBe("noop");
        var missing = await es.PostAsync("/u/_update/2", """{"doc":{"a":1}}""");
        missing.Code.ShouldBe(404);
        missing.ErrorType.ShouldBe("document_missing_exception");
    }

    [Fact]
    public async Task SourceFilteringOnGet()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/f/_doc/1", """{"a":1,"b":{"c":2,"d":3}}""");
        var included = await es.GetAsync("/f/_doc/1?_source_includes=b.c");
        included.Json["_source"]!.ToJsonString().ShouldBe("""{"b":{"c":2}}""");
        var none = await es.GetAsync("/f/_doc/1?_source=false");
        none.Json["_source"].ShouldBeNull();
    }
}
