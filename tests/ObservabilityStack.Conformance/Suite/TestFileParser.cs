using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Yaml;

namespace ObservabilityStack.Conformance.Suite;

/// <summary>Reads a YAML REST test file into a <see cref="TestFile"/>.</summary>
public static class TestFileParser
{
    /// <summary>Parses YAML text; throws <see cref="FormatException"/> on a malformed file.</summary>
    public static TestFile Parse(string folder, string name, string yaml)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlToJson.LoadDocuments(yaml);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            documents = LoadRepaired(yaml);
        }

        var setup = new List<JsonObject>();
        var teardown = new List<JsonObject>();
        var tests = new List<TestCase>();
        foreach (var document in documents)
        {
            if (document is not JsonObject section)
            {
                throw new FormatException("a document is not a mapping of section name to steps");
            }

            foreach (var (sectionName, stepsNode) in section)
            {
                var steps = ReadSteps(sectionName, stepsNode);
                switch (sectionName)
                {
                    case "setup":
                        setup.AddRange(steps);
                        break;
                    case "teardown":
                        teardown.AddRange(steps);
                        break;
                    default:
                        tests.Add(new TestCase(sectionName, steps));
                        break;
                }
            }
        }

        return new TestFile(folder, name, setup, teardown, tests);
    }

    private static IReadOnlyList<JsonNode> LoadRepaired(string yaml)
    {
        try
        {
            return YamlToJson.LoadDocuments(YamlRepair.JoinOpenDoubleQuotedLines(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static List<JsonObject> ReadSteps(string section, JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new FormatException($"section '{section}' is not a list of steps");
        }

        var steps = new List<JsonObject>();
        foreach (var item in array)
        {
            if (item is not JsonObject step || step.Count == 0)
            {
                throw new FormatException($"section '{section}' has a step that is not a mapping");
            }

            steps.Add(step);
        }

        return steps;
    }
}
