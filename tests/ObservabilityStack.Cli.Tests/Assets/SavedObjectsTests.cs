using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Cli.Tests.Assets;

/// <summary>Checks every Kibana saved object we ship: valid, self-contained, and only using fields we map.</summary>
public sealed partial class SavedObjectsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "kibana-dashboards");

    private static List<(string File, int Line, JsonObject Object)> Objects()
    {
        var list = new List<(string, int, JsonObject)>();
        foreach (var file in Directory.GetFiles(Folder, "*.ndjson").Order())
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    var parsed = Should.NotThrow(() => JsonNode.Parse(line), $"{Path.GetFileName(file)}:{number} is not JSON");
                    list.Add((Path.GetFileName(file), number, parsed.ShouldBeOfType<JsonObject>()));
                }
            }
        }

        return list;
    }

    [Fact]
    public void EveryLineIsASavedObjectWithTheEightXShape()
    {
        var objects = Objects();
        objects.Count.ShouldBeGreaterThan(20);
        foreach (var (file, line, o) in objects)
        {
            var where = $"{file}:{line}";
            o["id"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(where);
            o["type"]?.GetValue<string>().ShouldBeOneOf(["index-pattern", "search", "visualization", "dashboard"], where);
            o["attributes"].ShouldBeOfType<JsonObject>(where)["title"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(where);
            o["coreMigrationVersion"]?.GetValue<string>().ShouldStartWith("8.", customMessage: where);
            o["typeMigrationVersion"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(where);
            o["references"].ShouldBeOfType<JsonArray>(where);
        }

        objects.GroupBy(o => (o.Object["type"]!.GetValue<string>(), o.Object["id"]!.GetValue<string>()))
            .Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void EveryReferenceResolvesToAnObjectInTheSet()
    {
        var objects = Objects();
        var known = objects.Select(o => (o.Object["type"]!.GetValue<string>(), o.Object["id"]!.GetValue<string>())).ToHashSet();
        foreach (var (file, line, o) in objects)
        {
            var names = new HashSet<string>();
            foreach (var reference in o["references"]!.AsArray())
            {
                var target = (reference!["type"]!.GetValue<string>(), reference["id"]!.GetValue<string>());
                known.ShouldContain(target, $"{file}:{line} references missing {target}");
                names.Add(reference["name"]!.GetValue<string>());
            }

            foreach (var name in ReferenceNamesUsed(o))
            {
                names.ShouldContain(name, $"{file}:{line} uses reference name {name} without a reference");
            }
        }
    }

    [Fact]
    public void EveryFieldUsedExistsInOurMappings()
    {
        var mapped = MappedFields();
        mapped.ShouldContain("order.id");
        foreach (var (file, line, o) in Objects())
        {
            foreach (var field in FieldsUsed(o))
            {
                var ok = mapped.Contains(field) || field.StartsWith("labels.", StringComparison.Ordinal) || field.StartsWith("attributes.", StringComparison.Ordinal);
                ok.ShouldBeTrue($"{file}:{line} ({o["id"]}) uses '{field}', which obs-logs-mappings does not map");
            }
        }
    }

    [Fact]
    public void TheSetHasTheDataViewsSearchesAndDashboardsTheIssueAsksFor()
    {
        var ids = Objects().Select(o => o.Object["id"]!.GetValue<string>()).ToList();
        ids.ShouldContain("obs-logs-all");
        foreach (var service in new[] { "shop-frontend", "shop-api", "crm-frontend", "crm-api", "mes-frontend", "mes-api" })
        {
            ids.ShouldContain($"obs-logs-{service}");
        }

        ids.ShouldContain("obs-search-order-trace");
        ids.ShouldContain("obs-search-errors-warnings");
        ids.ShouldContain("obs-search-debug-in-production");
        ids.ShouldContain("obs-search-http-errors");
        ids.ShouldContain("obs-search-mail-delivery");
        ids.ShouldContain("obs-dashboard-service-health");
        ids.ShouldContain("obs-dashboard-order-flow");
        ids.ShouldContain("obs-dashboard-exceptions");
        ids.ShouldContain("obs-dashboard-alerts");
    }

    private static IEnumerable<string> ReferenceNamesUsed(JsonObject o)
    {
        var attributes = o["attributes"]!.AsObject();
        if (attributes["kibanaSavedObjectMeta"]?["searchSourceJSON"]?.GetValue<string>() is { } source
            && JsonNode.Parse(source)?["indexRefName"]?.GetValue<string>() is { } indexRef)
        {
            yield return indexRef;
        }

        if (attributes["panelsJSON"]?.GetValue<string>() is { } panels)
        {
            foreach (var panel in JsonNode.Parse(panels)!.AsArray())
            {
                yield return panel!["panelRefName"]!.GetValue<string>();
            }
        }
    }

    private static IEnumerable<string> FieldsUsed(JsonObject o)
    {
        var attributes = o["attributes"]!.AsObject();
        if (attributes["timeFieldName"]?.GetValue<string>() is { } time)
        {
            yield return time;
        }

        foreach (var column in attributes["columns"]?.AsArray() ?? [])
        {
            yield return column!.GetValue<string>();
        }

        foreach (var sort in attributes["sort"]?.AsArray() ?? [])
        {
            yield return sort![0]!.GetValue<string>();
        }

        if (attributes["kibanaSavedObjectMeta"]?["searchSourceJSON"]?.GetValue<string>() is { } source
            && JsonNode.Parse(source)?["query"]?["query"]?.GetValue<string>() is { } kql)
        {
            foreach (Match match in KqlFieldRegex().Matches(kql))
            {
                yield return match.Groups[1].Value;
            }
        }

        if (attributes["visState"]?.GetValue<string>() is { } visState)
        {
            foreach (var agg in JsonNode.Parse(visState)!["aggs"]!.AsArray())
            {
                foreach (var key in new[] { "field", "sortField" })
                {
                    if (agg!["params"]?[key]?.GetValue<string>() is { } field)
                    {
                        yield return field;
                    }
                }
            }
        }
    }

    private static HashSet<string> MappedFields()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "elk", "elasticsearch", "component-templates", "obs-logs-mappings.json");
        var properties = JsonNode.Parse(File.ReadAllText(file))!["template"]!["mappings"]!["properties"]!.AsObject();
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Flatten(properties, "", fields);
        return fields;
    }

    private static void Flatten(JsonObject properties, string prefix, HashSet<string> fields)
    {
        foreach (var (name, definition) in properties)
        {
            var path = prefix + name;
            if (definition?["properties"] is JsonObject nested)
            {
                Flatten(nested, path + ".", fields);
            }

            if (definition?["type"] is not null)
            {
                fields.Add(path);
            }
        }
    }

    // A KQL field is a name directly followed by ':' or a comparison operator.
    [GeneratedRegex(@"([@A-Za-z_][\w.@]*)\s*(?::|>=|<=|>|<)")]
    private static partial Regex KqlFieldRegex();
}
