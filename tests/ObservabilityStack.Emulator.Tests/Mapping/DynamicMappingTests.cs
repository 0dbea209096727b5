using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Mapping;

public sealed class DynamicMappingTests
{
    [Fact]
    public async Task NewFieldsAreMappedLikeElasticsearch()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/dyn/_doc/1", """
            {"msg":"hello","when":"2024-05-01T10:00:00.123Z","n":42,"ratio":0.5,"ok":true,"http":{"status":200},"log.level":"info","tags":["a","b"],"nothing":null}
            """);
        var props = (await es.GetAsync("/dyn/_mapping")).Json["dyn"]!["mappings"]!["properties"]!;
        props["msg"]!["type"]!.GetValue<string>().ShouldBe("text");
        props["msg"]!["fields"]!["keyword"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        props["msg"]!["fields"]!["keyword"]!["ignore_above"]!.GetValue<int>().ShouldBe(256);
        props["when"]!["type"]!.GetValue<string>().ShouldBe("date");
        props["n"]!["type"]!.GetValue<string>().ShouldBe("long");
        props["ratio"]!["type"]!.GetValue<string>().ShouldBe("float");
        props["ok"]!["type"]!.GetValue<string>().ShouldBe("boolean");
        props["http"]!["properties"]!["status"]!["type"]!.GetValue<string>().ShouldBe("long");
        props["log"]!["properties"]!["level"]!["type"]!.GetValue<string>().ShouldBe("text");
        props["tags"]!["type"]!.GetValue<string>().ShouldBe("text");
        props["nothing"].ShouldBeNull();
    }

    [Fact]
    public async Task StrictMappingsRejectUnknownFieldsAndFalseIgnoresThem()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/strict", """{"mappings":{"dynamic":"strict","properties":{"a":{"type":"keyword"}}}}""");
        var rejected = await es.PutAsync("/strict/_doc/1", """{"a":"x","b":1}""");
        rejected.Code.ShouldBe(400);
        rejected.ErrorType.ShouldBe("strict_dynamic_mapping_exception");
        rejected.ErrorReason!.ShouldContain("dynamic introduction of [b] within [_doc] is not allowed");

        await es.PutAsync("/loose", """{"mappings":{"dynamic":false}}""");
        (await es.PutAsync("/loose/_doc/1", """{"b":1}""")).Code.ShouldBe(201);
        (await es.GetAsync("/loose/_mapping")).Json["loose"]!["mappings"]!["properties"].ShouldBeNull();
    }

    [Fact]
    public async Task ExplicitTypesValidateValues()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/types", """
            {"mappings":{"properties":{"i":{"type":"integer"},"ip":{"type":"ip"},"b":{"type":"boolean"},
             "d":{"type":"date","format":"yyyy-MM-dd"},"attrs":{"type":"flattened"},"k":{"type":"constant_keyword","value":"x"}}}}
            """);
        (await es.PutAsync("/types/_doc/1", """{"i":"12","ip":"10.0.0.1","b":"true","d":"2024-01-02","attrs":{"any":{"deep":[1,"x"]}},"k":"x"}""")).Code.ShouldBe(201);
        (await es.PutAsync("/types/_doc/2", """{"i":3000000000}""")).ErrorType.ShouldBe("document_parsing_exception");
        (await es.PutAsync("/types/_doc/3", """{"ip":"not-an-ip"}""")).ErrorType.ShouldBe("document_parsing_exception");
        (await es.PutAsync("/types/_doc/4", """{"d":"2024-01-02T10:00:00Z"}""")).ErrorType.ShouldBe("document_parsing_exception");
        (await es.PutAsync("/types/_doc/5", """{"k":"y"}""")).ErrorType.ShouldBe("document_parsing_exception");
        (await es.PutAsync("/types/_doc/6", """{"b":"maybe"}""")).ErrorType.ShouldBe("document_parsing_exception");
    }

    [Fact]
    public async Task AFailedDocumentLeavesNoDynamicFieldsBehind()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/rb", """{"mappings":{"properties":{"n":{"type":"long"}}}}""");
        (await es.PutAsync("/rb/_doc/1", """{"fresh":"x","n":"bad"}""")).Code.ShouldBe(400);
        (await es.GetAsync("/rb/_mapping")).Json["rb"]!["mappings"]!["properties"]!["fresh"].ShouldBeNull();
    }

    [Fact]
    public async Task AnObjectFieldRejectsAConcreteValue()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/obj/_doc/1", """{"user":{"id":"a"}}""");
        var answer = await es.PutAsync("/obj/_doc/2", """{"user":"plain"}""");
        answer.ErrorType.ShouldBe("document_parsing_exception");
        answer.ErrorReason!.ShouldContain("tried to parse field [user] as object, but found a concrete value");
    }
}
