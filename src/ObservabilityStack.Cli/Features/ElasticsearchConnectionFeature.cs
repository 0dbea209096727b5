using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Cli.Features;

/// <summary>
/// How a command reaches Elasticsearch: <c>--elasticsearch URL</c> (or <c>OBS_ELASTICSEARCH_URL</c>),
/// <c>--api-key</c> (or <c>OBS_ELASTICSEARCH_API_KEY</c>), <c>--username</c> (or
/// <c>OBS_ELASTICSEARCH_USERNAME</c>) with the password only from <c>OBS_ELASTICSEARCH_PASSWORD</c>
/// (never on the command line, where <c>ps</c> would show it), and <c>--ca-cert</c> for HTTPS
/// clusters with their own CA.
/// </summary>
internal sealed class ElasticsearchConnectionFeature : ICommandFeature
{
    /// <summary>Default cluster URL when nothing is given.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:9200");

    private readonly CliEnvironment _environment;
    private readonly Option<string?> _url;
    private readonly Option<string?> _apiKey;
    private readonly Option<string?> _username;
    private readonly Option<string?> _caCert;

    /// <summary>Creates the feature; <paramref name="urlDescription"/> explains what no URL means for this command.</summary>
    public ElasticsearchConnectionFeature(CliEnvironment environment, string urlDescription)
    {
        _environment = environment;
        _url = new Option<string?>("--elasticsearch") { Description = urlDescription, HelpName = "URL" };
        _apiKey = new Option<string?>("--api-key")
        {
            Description = "Elasticsearch API key (encoded). Prefer the OBS_ELASTICSEARCH_API_KEY variable.",
            HelpName = "KEY",
        };
        _username = new Option<string?>("--username")
        {
            Description = "Elasticsearch user for basic auth (or OBS_ELASTICSEARCH_USERNAME); the password comes from OBS_ELASTICSEARCH_PASSWORD.",
            HelpName = "USER",
        };
        _caCert = new Option<string?>("--ca-cert")
        {
            Description = "PEM file of the CA that signed the cluster's HTTPS certificate (or OBS_ELASTICSEARCH_CA_CERT).",
            HelpName = "FILE",
        };
    }

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_url, _apiKey, _username, _caCert];

    /// <summary>The URL the user named (option or variable), or null when none was given.</summary>
    public Uri? GetExplicitUrl(ParseResult parseResult)
    {
        var text = parseResult.GetValue(_url) ?? _environment.Variable("OBS_ELASTICSEARCH_URL");
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"'{text}' is not an http(s) URL. Pass --elasticsearch like http://127.0.0.1:9200.", ExitCodes.Usage);
        }

        return url;
    }

    /// <summary>Client options for <paramref name="url"/> with the credentials from options and environment.</summary>
    public ElasticsearchClientOptions GetClientOptions(ParseResult parseResult, Uri url)
    {
        var options = new ElasticsearchClientOptions
        {
            Url = url,
            ApiKey = parseResult.GetValue(_apiKey) ?? _environment.Variable("OBS_ELASTICSEARCH_API_KEY"),
            Username = parseResult.GetValue(_username) ?? _environment.Variable("OBS_ELASTICSEARCH_USERNAME"),
        };
        if (options.Username is not null)
        {
            options.Password = _environment.Variable("OBS_ELASTICSEARCH_PASSWORD")
                ?? throw new CliException($"User '{options.Username}' needs a password: set OBS_ELASTICSEARCH_PASSWORD.", ExitCodes.Usage);
        }

        return options;
    }

    /// <summary>Path of the CA certificate, if one was given.</summary>
    public string? GetCaCertificatePath(ParseResult parseResult)
    {
        var path = parseResult.GetValue(_caCert) ?? _environment.Variable("OBS_ELASTICSEARCH_CA_CERT");
        return path is null ? null : _environment.ResolvePath(path);
    }

    /// <summary>Connects to <paramref name="url"/> (or the named/default URL when null). The caller disposes it.</summary>
    public ElasticsearchConnection Connect(ParseResult parseResult, Uri? url = null)
    {
        var options = GetClientOptions(parseResult, url ?? GetExplicitUrl(parseResult) ?? DefaultUrl);
        return new ElasticsearchConnection(options, TrustedHttpClientFactory.Create(GetCaCertificatePath(parseResult)));
    }
}
