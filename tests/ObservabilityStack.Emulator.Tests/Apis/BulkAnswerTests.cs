using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class BulkAnswerTests
{
    [Fact]
    public async Task ItemsAlternatingBetweenIndicesAnswerInRequestOrderAndLandInTheirOwnIndex()
    {
        await using var es = await TestEmulator.StartAsync();
        var lines = new List<object>();
        for (var i = 0; i < 300; i++)
        {
            lines.Add($$$"""{"index":{"_index":"{{{(i % 3 == 0 ? "left" : "right")}}}","_id":"{{{i}}}"}}""");
            lines.Add($$"""{"n":{{i}}}""");
        }

        var answer = await es.BulkAsync("/_bulk?refresh=true", [.. lines]);

        answer.Json["errors"]!.GetValue<bool>().ShouldBeFalse();
        var items = answer.Json["items"]!.AsArray();
        items.Count.ShouldBe(300);
        for (var i = 0; i < 300; i++)
        {
            items[i]!["index"]!["_id"]!.GetValue<string>().ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            items[i]!["index"]!["_index"]!.GetValue<string>().ShouldBe(i % 3 == 0 ? "left" : "right");
        }

        (await es.GetAsync("/left/_count")).Json["count"]!.GetValue<int>().ShouldBe(100);
        (await es.GetAsync("/right/_count")).Json["count"]!.GetValue<int>().ShouldBe(200);
    }

    [Fact]
    public async Task APrettyBulkAnswerIsIndentedAndKeepsItsFields()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.BulkAsync("/_bulk?pretty", """{"index":{"_index":"p","_id":"1"}}""", """{"f":1}""");

        answer.Raw.ShouldContain("\n  \"errors\": false");
        answer.Json["items"]![0]!["index"]!["result"]!.GetValue<string>().ShouldBe("created");
        answer.Json["took"].ShouldNotBeNull();
    }

    [Fact]
    public async Task AGetDuringALargeBulkIntoTheSameIndexIsAnswered()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.BulkAsync("/_bulk?refresh=true", """{"index":{"_index":"busy","_id":"first"}}""", """{"f":0}""");
        var lines = new List<object>();
        for (var i = 0; i < 5000; i++)
        {
            lines.Add("""{"index":{"_index":"busy"}}""");
            lines.Add($$"""{"f":{{i}},"pad":"{{new string('x', 200)}}"}""");
        }

        var bulk = es.BulkAsync("/_bulk", [.. lines]);
        var get = await es.GetAsync("/busy/_doc/first");

        get.Json["found"]!.GetValue<bool>().ShouldBeTrue();
        (await bulk).Json["errors"]!.GetValue<bool>().ShouldBeFalse();
    }
}
