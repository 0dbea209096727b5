using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class IndicesApiTests
{
    [Fact]
    public async Task CreateGetExistsAndDeleteAnIndex()
    {
        await using var es = await TestEmulator.StartAsync();
        var created = await es.PutAsync("/orders", """
            {"settings":{"number_of_replicas":0},"mappings":{"properties":{"id":{"type":"keyword"}}},"aliases":{"all-orders":{}}}
            """);
        created.Json["acknowledged"]!.GetValue<bool>().ShouldBeTrue();
        created.Json["index"]!.GetValue<string>().ShouldBe("orders");
        (await es.HeadAsync("/orders")).Code.ShouldBe(200);
        var got = await es.GetAsync("/orders");
        got.Json["orders"]!["settings"]!["index"]!["number_of_replicas"]!.GetValue<string>().ShouldBe("0");
        got.Json["orders"]!["mappings"]!["properties"]!["id"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        got.Json["orders"]!["aliases"]!["all-orders"].ShouldNotBeNull();
        (await es.DeleteAsync("/orders")).Json["acknowledged"]!.GetValue<bool>().ShouldBeTrue();
        (await es.HeadAsync("/orders")).Code.ShouldBe(404);
    }

    [Fact]
    public async Task CreatingAnExistingIndexIsResourceAlreadyExists()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/twice");
        var again = await es.PutAsync("/twice");
        again.Code.ShouldBe(400);
        again.ErrorType.ShouldBe("resource_already_exists_exception");
        again.Json["error"]!["index"]!.GetValue<string>().ShouldBe("twice");
    }

    [Fact]
    public async Task AMissingIndexIsIndexNotFoundUnlessIgnored()
    {
        await using var es = await TestEmulator.StartAsync();
        var missing = await es.GetAsync("/ghost/_mapping");
        missing.Code.ShouldBe(404);
        missing.ErrorType.ShouldBe("index_not_found_exception");
        missing.ErrorReason.ShouldBe("no such index [ghost]");
        var ignored = await es.GetAsync("/ghost/_mapping?ignore_unavailable=true");
        ignored.Code.ShouldBe(200);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("_under")]
    [InlineData("with,comma")]
    public async Task InvalidIndexNamesAreRejected(string name)
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PutAsync("/" + Uri.EscapeDataString(name));
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("invalid_index_name_exception");
    }

    [Fact]
    public async Task PutMappingAddsFieldsAndRefusesTypeChanges()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/m", """{"mappings":{"properties":{"count":{"type":"long"}}}}""");
        var added = await es.PutAsync("/m/_mapping", """{"properties":{"name":{"type":"text","fields":{"raw":{"type":"keyword"}}}}}""");
        added.Code.ShouldBe(200);
        var mapping = await es.GetAsync("/m/_mapping");
        mapping.Json["m"]!["mappings"]!["properties"]!["name"]!["fields"]!["raw"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        var changed = await es.PutAsync("/m/_mapping", """{"properties":{"count":{"type":"keyword"}}}""");
        changed.Code.ShouldBe(400);
        changed.ErrorType.ShouldBe("illegal_argument_exception");
        changed.ErrorReason.ShouldBe("mapper [count] cannot be changed from type [long] to [keyword]");
    }

    [Fact]
    public async Task UnknownFieldTypesAreMapperParsingErrors()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PutAsync("/bad", """{"mappings":{"properties":{"f":{"type":"nonsense"}}}}""");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("mapper_parsing_exception");
    }

    [Fact]
    public async Task SettingsCanBeReadFlatAndUpdated()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/s");
        (await es.PutAsync("/s/_settings", """{"index":{"refresh_interval":"-1"}}""")).Code.ShouldBe(200);
        var flat = await es.GetAsync("/s/_settings?flat_settings=true");
        flat.Json["s"]!["settings"]!["index.refresh_interval"]!.GetValue<string>().ShouldBe("-1");
    }

    [Fact]
    public async Task RefreshReportsShardsOfMatchedIndices()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/r1", """{"settings":{"number_of_shards":3,"number_of_replicas":0}}""");
        var all = await es.PostAsync("/_refresh");
        all.Json["_shards"]!["successful"]!.GetValue<int>().ShouldBe(3);
        var none = await es.PostAsync("/zz*/_refresh");
        none.Json["_shards"]!["total"]!.GetValue<int>().ShouldBe(0);
    }
}
