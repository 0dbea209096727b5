namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// The JSON in <c>elk/</c> and the NDJSON in <c>kibana-dashboards/</c>: the single source of truth
/// that bootstrap applies (no copies in C# strings). File name without <c>.json</c> = object name.
/// </summary>
public sealed class ProvisioningAssets
{
    /// <summary>File (under <c>elk/elasticsearch/ilm</c>) whose content becomes each service's ILM policy.</summary>
    public const string RetentionPolicyFile = "obs-logs-retention.json";

    /// <summary>File (under <c>elk/elasticsearch/index-templates</c>) whose content becomes each service's index template.</summary>
    public const string ServiceTemplateFile = "service-logs.json";

    private ProvisioningAssets(IReadOnlyDictionary<string, string> componentTemplates, string retentionPolicy,
        string serviceTemplate, IReadOnlyDictionary<string, string> indexTemplates, IReadOnlyDictionary<string, string> roles,
        IReadOnlyList<string> savedObjectFiles)
    {
        ComponentTemplates = componentTemplates;
        IndexTemplates = indexTemplates;
        RetentionPolicy = retentionPolicy;
        ServiceTemplate = serviceTemplate;
        Roles = roles;
        SavedObjectFiles = savedObjectFiles;
    }

    /// <summary>Component templates by name (raw JSON).</summary>
    public IReadOnlyDictionary<string, string> ComponentTemplates { get; }

    /// <summary>The ILM policy with <c>{{service}}</c>/<c>{{retention_days}}</c> placeholders.</summary>
    public string RetentionPolicy { get; }

    /// <summary>The index template with <c>{{service}}</c>, <c>{{dataset}}</c>, <c>{{owner}}</c>, <c>{{retention_days}}</c> placeholders.</summary>
    public string ServiceTemplate { get; }

    /// <summary>Index templates applied as they are (every file in <c>index-templates</c> but the per-service one), by name.</summary>
    public IReadOnlyDictionary<string, string> IndexTemplates { get; }

    /// <summary>Role bodies by role name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>Kibana saved-object NDJSON files, sorted by name.</summary>
    public IReadOnlyList<string> SavedObjectFiles { get; }

    /// <summary>Loads the assets from <paramref name="elkDirectory"/> and <paramref name="dashboardsDirectory"/> (may be null).</summary>
    public static ProvisioningAssets Load(string elkDirectory, string? dashboardsDirectory)
    {
        var es = Path.Combine(elkDirectory, "elasticsearch");
        if (!Directory.Exists(es))
        {
            throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets,
                $"No elk/elasticsearch folder at {elkDirectory}. Run obs from the repository or set OBS_ASSETS_DIR to the folder holding elk/.");
        }

        var savedObjects = dashboardsDirectory is not null && Directory.Exists(dashboardsDirectory)
            ? Directory.GetFiles(dashboardsDirectory, "*.ndjson").Order(StringComparer.Ordinal).ToArray()
            : [];
        return new ProvisioningAssets(
            ReadFolder(Path.Combine(es, "component-templates")),
            ReadFile(Path.Combine(es, "ilm", RetentionPolicyFile)),
            ReadFile(Path.Combine(es, "index-templates", ServiceTemplateFile)),
            ReadFolder(Path.Combine(es, "index-templates")).Where(t => t.Key + ".json" != ServiceTemplateFile)
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            ReadFolder(Path.Combine(es, "roles")),
            savedObjects);
    }

    private static Dictionary<string, string> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets, $"Missing asset folder {folder}.");
        }

        return Directory.GetFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), ReadFile, StringComparer.Ordinal);
    }

    private static string ReadFile(string path) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets, $"Missing asset file {path}.");
}
