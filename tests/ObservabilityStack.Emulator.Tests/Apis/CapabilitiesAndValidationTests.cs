using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class CapabilitiesAndValidationTests
{
    [Fact]
    public async Task CapabilitiesAreClaimedOnlyForKnownRoutesAndImplementedBehaviour()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.GetAsync("/_capabilities?method=GET&path=/_cluster/health&capabilities=unassigned_pri_shard_count")).Json["supported"]!
            .GetValue<bool>().ShouldBeTrue();
        (await es.GetAsync("/_capabilities?method=POST&path=/{index}/_rollover&capabilities=return-404-on-missing-target")).Json["supported"]!
            .GetValue<bool>().ShouldBeTrue();
        (await es.GetAsync("/_capabilities?method=GET&path=/_cluster/health&capabilities=made_up")).Json["supported"]!.GetValue<bool>().ShouldBeFalse();
        (await es.GetAsync("/_capabilities?method=GET&path=/_nowhere/at/all&capabilities=x")).Json["supported"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task RollingOverAMissingTargetIsA404()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PostAsync("/non_existent/_rollover");
        answer.Code.ShouldBe(404);
        answer.ErrorType.ShouldBe("resource_not_found_exception");
        answer.ErrorReason.ShouldBe("rollover target [non_existent] does not exist");
    }

    [Fact]
    public async Task LookupIndicesHaveOneShardAndUnknownModesAreRefused()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/lookup_ok", """{"settings":{"index.mode":"lookup"}}""")).Code.ShouldBe(200);
        var two = await es.PutAsync("/lookup_two", """{"settings":{"index":{"mode":"lookup","number_of_shards":2}}}""");
        two.Code.ShouldBe(400);
        two.ErrorReason.ShouldBe("index with [lookup] mode must have [index.number_of_shards] set to 1 or unset");
        (await es.PutAsync("/odd", """{"settings":{"index.mode":"sideways"}}""")).Code.ShouldBe(400);
    }

    [Fact]
    public async Task AMaxSizeRolloverConditionGetsADeprecationWarning()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PutAsync("/_ilm/policy/p", """{"policy":{"phases":{"hot":{"actions":{"rollover":{"max_size":"50gb"}}}}}}""");
        answer.Code.ShouldBe(200);
        answer.Headers.GetValues("Warning").Single().ShouldContain("Use of the [max_size] rollover condition found in phase [hot]");
        var clean = await es.PutAsync("/_ilm/policy/q", """{"policy":{"phases":{"hot":{"actions":{"rollover":{"max_docs":5}}}}}}""");
        clean.Headers.Contains("Warning").ShouldBeFalse();
    }

    [Fact]
    public async Task AValueTypeTheMappingCannotServeFailsThatShardAndTheOthersAnswer()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/vt_keyword", """{"mappings":{"properties":{"ip":{"type":"keyword"}}}}""");
        await es.PutAsync("/vt_ip", """{"mappings":{"properties":{"ip":{"type":"ip"}}}}""");
        await es.BulkAsync("/vt_ip/_bulk?refresh=true", """{"index":{}}""", """{"ip":"10.0.0.1"}""", """{"index":{}}""", """{"ip":"10.0.0.2"}""");

        var answer = await es.PostAsync("/vt_keyword,vt_ip/_search", """{"size":0,"aggs":{"t":{"terms":{"field":"ip","value_type":"ip"}}}}""");
        answer.Code.ShouldBe(200, answer.Raw);
        answer.Json["_shards"]!["failed"]!.GetValue<int>().ShouldBe(1);
        answer.Json["_shards"]!["successful"]!.GetValue<int>().ShouldBe(1);
        answer.Json["_shards"]!["failures"]![0]!["index"]!.GetValue<string>().ShouldBe("vt_keyword");
        answer.Json["aggregations"]!["t"]!["buckets"]!.AsArray().Count.ShouldBe(2);

        var alone = await es.PostAsync("/vt_keyword/_search", """{"size":0,"aggs":{"t":{"terms":{"field":"ip","value_type":"ip"}}}}""");
        alone.Code.ShouldBe(400);
    }
}
