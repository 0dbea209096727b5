using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Yaml;

namespace ObservabilityStack.Conformance.Tests.Yaml;

public sealed class YamlToJsonTests
{
    [Fact]
    public void PlainScalarsAreTypedAndQuotedScalarsStayStrings()
    {
        var doc = (JsonObject)YamlToJson.LoadDocuments("""
            a: true
            b: null
            c: 42
            d: 1.0
            e: "42"
            f: 'true'
            g: foo bar
            h:
            i: -3e2
            """)[0];

        doc["a"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        doc["b"].ShouldBeNull();
        doc["c"]!.ToJsonString().ShouldBe("42");
        doc["d"]!.ToJsonString().ShouldBe("1.0");
        doc["e"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        doc["f"]!.GetValue<string>().ShouldBe("true");
        doc["g"]!.GetValue<string>().ShouldBe("foo bar");
        doc.ContainsKey("h").ShouldBeTrue();
        doc["h"].ShouldBeNull();
        doc["i"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void EveryDocumentOfAStreamIsReturnedAndLiteralBlocksKeepTheirNewlines()
    {
        var docs = YamlToJson.LoadDocuments("""
            ---
            setup:
              - do: {info: {}}
            ---
            "test":
              - do:
                  bulk:
                    body: |
                      {"index": {}}
                      {"f": 1}
            ---
            "other": []
            """);

        docs.Count.ShouldBe(3);
        docs[1]["test"]![0]!["do"]!["bulk"]!["body"]!.GetValue<string>().ShouldBe("{\"index\": {}}\n{\"f\": 1}\n");
    }

    [Fact]
    public void LongDoubleQuotedWarningsWithShallowContinuationLinesAreFoldedLikeSnakeYaml()
    {
        const string yaml = "\"t\":\n  - do:\n      allowed_warnings:\n        - \"first part\n        second part\"\n      info: {}\n";
        var repaired = YamlRepair.JoinOpenDoubleQuotedLines(yaml);

        var doc = YamlToJson.LoadDocuments(repaired)[0];
        doc["t"]![0]!["do"]!["allowed_warnings"]![0]!.GetValue<string>().ShouldBe("first part second part");
    }
}
