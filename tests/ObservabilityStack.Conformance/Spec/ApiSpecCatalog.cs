using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Conformance.Spec;

/// <summary>
/// All API specs of a spec directory: current-format files in <c>api/*.json</c> and old-format files in
/// <c>api/legacy-format/*.json</c> (top-level <c>methods</c>, string paths, params inside <c>url</c>).
/// </summary>
public sealed partial class ApiSpecCatalog
{
    private readonly Dictionary<string, ApiSpec> _apis;

    private ApiSpecCatalog(Dictionary<string, ApiSpec> apis, IReadOnlySet<string> commonParams)
    {
        _apis = apis;
        CommonParams = commonParams;
    }

    /// <summary>Query parameters every API accepts (from <c>_common.json</c>).</summary>
    public IReadOnlySet<string> CommonParams { get; }

    /// <summary>Number of APIs loaded.</summary>
    public int Count => _apis.Count;

    /// <summary>Loads every spec file of <paramref name="directory"/>; current-format files win over legacy ones.</summary>
    public static ApiSpecCatalog Load(string directory)
    {
        var apis = new Dictionary<string, ApiSpec>(StringComparer.Ordinal);
        var legacy = Path.Combine(directory, "legacy-format");
        if (Directory.Exists(legacy))
        {
            foreach (var file in Directory.EnumerateFiles(legacy, "*.json"))
            {
                AddFile(apis, file);
            }
        }

        var common = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            if (Path.GetFileName(file) == "_common.json")
            {
                var root = ParseFile(file);
                if (root["params"] is JsonObject commonParams)
                {
                    common.UnionWith(commonParams.Select(p => p.Key));
                }

                continue;
            }

            AddFile(apis, file);
        }

        return new ApiSpecCatalog(apis, common);
    }

    /// <summary>Finds an API by name.</summary>
    public bool TryGet(string name, out ApiSpec spec) => _apis.TryGetValue(name, out spec!);

    private static void AddFile(Dictionary<string, ApiSpec> apis, string file)
    {
        foreach (var (name, node) in ParseFile(file))
        {
            if (node is JsonObject api)
            {
                apis[name] = ReadApi(name, api);
            }
        }
    }

    private static JsonObject ParseFile(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new FormatException($"{file}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{file}: {e.Message}", e);
        }
    }

    private static ApiSpec ReadApi(string name, JsonObject api)
    {
        var url = api["url"] as JsonObject ?? new JsonObject();
        var paths = new List<ApiPath>();
        var legacyMethods = Strings(api["methods"]);
        foreach (var entry in url["paths"] as JsonArray ?? [])
        {
            if (entry is JsonObject current)
            {
                var template = (string?)current["path"] ?? "/";
                paths.Add(new ApiPath(template, Strings(current["methods"]), PartsOf(template)));
            }
            else if (entry is not null)
            {
                var template = entry.GetValue<string>();
                paths.Add(new ApiPath(template, legacyMethods, PartsOf(template)));
            }
        }

        var parameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var holder in new[] { api["params"], url["params"] })
        {
            if (holder is JsonObject declared)
            {
                parameters.UnionWith(declared.Select(p => p.Key));
            }
        }

        var bulk = (string?)api["body"]?["serialize"] == "bulk";
        return new ApiSpec(name, paths, parameters, bulk);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(m => m!.GetValue<string>()).ToList() : [];

    private static List<string> PartsOf(string template) =>
        PartPattern().Matches(template).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PartPattern();
}
