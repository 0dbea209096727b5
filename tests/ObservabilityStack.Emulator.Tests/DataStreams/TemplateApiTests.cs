using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.DataStreams;

public sealed class TemplateApiTests
{
    [Fact]
    public async Task IndexTemplatesRoundTripNormalised()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/_index_template/t1", """
            {"index_patterns":"test-*","template":{"settings":{"number_of_shards":1},"aliases":{"a":{"routing":"b"}},
             "mappings":{"properties":{"f":{"type":"keyword"}}}}}
            """);
        var got = await es.GetAsync("/_index_template/t1");
        var template = got.Json["index_templates"]![0]!["index_template"]!;
        template["index_patterns"]![0]!.GetValue<string>().ShouldBe("test-*");
        template["template"]!["settings"]!["index"]!["number_of_shards"]!.GetValue<string>().ShouldBe("1");
        template["template"]!["aliases"]!["a"]!["index_routing"]!.GetValue<string>().ShouldBe("b");
        (await es.HeadAsync("/_index_template/t1")).Code.ShouldBe(200);
        (await es.DeleteAsync("/_index_template/t1")).Code.ShouldBe(200);
        (await es.GetAsync("/_index_template/t1")).Code.ShouldBe(404);
    }

    [Fact]
    public async Task TemplateValidationMatchesElasticsearch()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/_index_template/nopattern", """{"template":{}}""")).Code.ShouldBe(400);
        var missing = await es.PutAsync("/_index_template/m", """{"index_patterns":["m-*"],"composed_of":["nope"]}""");
        missing.ErrorType.ShouldBe("invalid_index_template_exception");
        await es.PutAsync("/_index_template/p1", """{"index_patterns":["x-*"],"priority":5}""");
        var clash = await es.PutAsync("/_index_template/p2", """{"index_patterns":["x-*"],"priority":5}""");
        clash.ErrorType.ShouldBe("illegal_argument_exception");
        (await es.PutAsync("/_index_template/p1?create=true", """{"index_patterns":["x-*"],"priority":5}""")).Code.ShouldBe(400);
    }

    [Fact]
    public async Task WildcardDeletesSpareTheBuiltInLogsTemplate()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/_index_template/mine", """{"index_patterns":["mine-*"]}""");
        await es.DeleteAsync("/_index_template/*");
        var left = await es.GetAsync("/_index_template");
        left.Json["index_templates"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["logs"]);
        var logs = (await es.GetAsync("/_index_template/logs")).Json["index_templates"]![0]!["index_template"]!;
        logs["priority"]!.GetValue<int>().ShouldBe(100);
        logs["index_patterns"]![0]!.GetValue<string>().ShouldBe("logs-*-*");
        logs["data_stream"].ShouldNotBeNull();
    }

    [Fact]
    public async Task ComponentTemplatesInUseCannotBeDeleted()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/_component_template/c1", """{"template":{"settings":{"number_of_replicas":0}}}""");
        await es.PutAsync("/_index_template/uses", """{"index_patterns":["u-*"],"composed_of":["c1"]}""");
        (await es.DeleteAsync("/_component_template/c1")).Code.ShouldBe(400);
        (await es.GetAsync("/_component_template/c1")).Json["component_templates"]![0]!["name"]!.GetValue<string>().ShouldBe("c1");
        await es.PutAsync("/u-1");
        (await es.GetAsync("/u-1/_settings")).Json["u-1"]!["settings"]!["index"]!["number_of_replicas"]!.GetValue<string>().ShouldBe("0");
    }
}
