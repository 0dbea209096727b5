using System.CommandLine;
using System.Net.Http.Headers;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary>
/// How <c>obs tickets</c> reaches the running gateway: <c>--gateway URL</c> (or <c>OBS_GATEWAY_URL</c>) and an
/// admin key from <c>--admin-key-file FILE</c> or <c>OBS_ADMIN_KEY</c> (never on the command line, where
/// <c>ps</c> would show it). The gateway does the work because only it knows which lines are still on their
/// way to Elasticsearch when a ticket is deleted.
/// </summary>
internal sealed class GatewayAdminFeature : ICommandFeature
{
    /// <summary>Default gateway URL when nothing is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private readonly CliEnvironment _environment;
    private readonly Option<string?> _gateway = new("--gateway")
    {
        Description = $"Gateway URL (default OBS_GATEWAY_URL, else {DefaultUrl}).",
        HelpName = "URL",
    };

    private readonly Option<string?> _keyFile = new("--admin-key-file")
    {
        Description = "File holding an admin key (obs keys create --admin); default the OBS_ADMIN_KEY variable.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _caCert = new("--ca-cert")
    {
        Description = "CA certificate (PEM/DER) the gateway's HTTPS certificate chains to, if not a public one.",
        HelpName = "FILE",
    };

    public GatewayAdminFeature(CliEnvironment environment) => _environment = environment;

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_gateway, _keyFile, _caCert];

    /// <summary>A client for the gateway's tickets API; the caller disposes it.</summary>
    public TicketsClient Connect(ParseResult parseResult)
    {
        var text = parseResult.GetValue(_gateway) ?? _environment.Variable("OBS_GATEWAY_URL") ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--gateway '{text}' is not an http(s) URL; use e.g. {DefaultUrl}.", ExitCodes.Usage);
        }

        var key = ReadKey(parseResult);
        var caCert = parseResult.GetValue(_caCert) is { } ca ? _environment.ResolvePath(ca) : null;
        var http = TrustedHttpClientFactory.Create(caCert);
        http.BaseAddress = url;
        http.Timeout = TimeSpan.FromMinutes(10);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return new TicketsClient(http);
    }

    private string ReadKey(ParseResult parseResult)
    {
        if (parseResult.GetValue(_keyFile) is { } file)
        {
            var path = _environment.ResolvePath(file);
            try
            {
                return File.ReadAllText(path).Trim() is { Length: > 0 } fromFile
                    ? fromFile
                    : throw new CliException($"--admin-key-file {path} is empty; put the key from obs keys create --admin in it.", ExitCodes.Usage);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot read --admin-key-file {path}: {ex.Message}", ExitCodes.Usage, ex);
            }
        }

        return _environment.Variable("OBS_ADMIN_KEY")
            ?? throw new CliException("An admin key is needed: set OBS_ADMIN_KEY or pass --admin-key-file FILE (create one with obs keys create --admin).",
                ExitCodes.Usage);
    }
}
