using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli.Commands.Samples;

/// <summary>
/// Where a sample's logs go, as <c>ObservabilityStack:*</c> settings: through the gateway (API key from
/// <c>OBS_GATEWAY_API_KEY</c>, or the file named by <c>--gateway-api-key-file</c> / <c>OBS_GATEWAY_API_KEY_FILE</c>;
/// never from the command line, where <c>ps</c> shows it) or straight to Elasticsearch.
/// </summary>
internal static class SampleSinkSettings
{
    /// <summary>Variable holding the gateway API key.</summary>
    public const string KeyVariable = "OBS_GATEWAY_API_KEY";

    /// <summary>Variable naming a file that holds the gateway API key.</summary>
    public const string KeyFileVariable = "OBS_GATEWAY_API_KEY_FILE";

    /// <summary>Settings for sending through the gateway at <paramref name="gateway"/>.</summary>
    public static Dictionary<string, string> ForGateway(CliEnvironment environment, Uri gateway, string? keyFile, string serviceName)
    {
        var key = environment.Variable(KeyVariable)
            ?? ReadKeyFile(environment, keyFile ?? environment.Variable(KeyFileVariable))
            ?? throw new CliException(
                $"The gateway needs an API key for service '{serviceName}': set {KeyVariable}, or {KeyFileVariable} / --gateway-api-key-file " +
                $"to a file holding it (create one with: obs keys create --service {serviceName} --env <environment>).", ExitCodes.Usage);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ObservabilityStack:Gateway:Url"] = gateway.ToString(),
            ["ObservabilityStack:Gateway:ApiKey"] = key,
        };
    }

    /// <summary>Settings for writing straight to the Elasticsearch named by <paramref name="options"/>.</summary>
    public static Dictionary<string, string> ForElasticsearch(Elasticsearch.ElasticsearchClientOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["ObservabilityStack:Elasticsearch:Url"] = options.Url.ToString() };
        Set(settings, "ObservabilityStack:Elasticsearch:ApiKey", options.ApiKey);
        Set(settings, "ObservabilityStack:Elasticsearch:Username", options.Username);
        Set(settings, "ObservabilityStack:Elasticsearch:Password", options.Password);
        return settings;
    }

    private static void Set(Dictionary<string, string> settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }

    private static string? ReadKeyFile(CliEnvironment environment, string? path)
    {
        if (path is null)
        {
            return null;
        }

        var full = environment.ResolvePath(path);
        string text;
        try
        {
            text = File.ReadAllText(full).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read the gateway API key file '{full}': {ex.Message}", ExitCodes.Usage, ex);
        }

        return text.Length > 0 ? text : throw new CliException($"The gateway API key file '{full}' is empty.", ExitCodes.Usage);
    }
}
