using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Elasticsearch.Provisioning;
using ObservabilityStack.Gateway;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Gateway;

/// <summary>
/// <c>obs gateway [--config FILE] [--elasticsearch URL] [--data DIR] [--urls URL]</c>: runs the log gateway
/// until Ctrl+C. Command-line options win over the file; the file is re-read when it changes.
/// </summary>
internal sealed class RunCommand : CommandDefinition
{
    private readonly Option<string?> _config;
    private readonly Option<string?> _elasticsearch;
    private readonly Option<string?> _data;
    private readonly Option<string?> _urls;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "gateway", "Run the log gateway: authenticated intake, durable log, bulk delivery to Elasticsearch.")
    {
        _config = Add(new Option<string?>("--config") { Description = "JSON configuration file with a Gateway section (see config/gateway.json).", HelpName = "FILE" });
        _elasticsearch = Add(new Option<string?>("--elasticsearch") { Description = "Elasticsearch (or emulator) URL to deliver to.", HelpName = "URL" });
        _data = Add(new Option<string?>("--data") { Description = "Directory for the write-ahead log and keys (default ./data/gateway).", HelpName = "DIR" });
        _urls = Add(new Option<string?>("--urls") { Description = "Listen URLs, e.g. http://0.0.0.0:8080 (port 0 picks a free one).", HelpName = "URL" });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new GatewayOptions();
        if (parseResult.GetValue(_config) is { } file)
        {
            var path = Environment.ResolvePath(file);
            if (!File.Exists(path))
            {
                throw new CliException($"Configuration file '{file}' does not exist (see config/gateway.json for a sample).", ExitCodes.Usage);
            }

            options.ConfigFile = path;
        }

        if (parseResult.GetValue(_elasticsearch) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new CliException($"--elasticsearch '{url}' is not an absolute URL, e.g. http://127.0.0.1:9200.", ExitCodes.Usage);
        }

        Override(options, "Gateway:Elasticsearch:Url", parseResult.GetValue(_elasticsearch));
        Override(options, "Gateway:DataDirectory", parseResult.GetValue(_data) is { } data ? Environment.ResolvePath(data) : null);
        Override(options, "Gateway:Urls", parseResult.GetValue(_urls));
        GatewayHost host;
        try
        {
            host = await GatewayHost.StartAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ProvisioningException or InvalidOperationException or FormatException
            or System.Security.Cryptography.CryptographicException)
        {
            throw new CliException($"The gateway could not start: {ex.Message}", ExitCodes.Unavailable, ex);
        }

        await using (host)
        {
            Output.WriteLine($"Gateway listening on {host.Url}. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: undelivered events stay in the log and are delivered at the next start.
            }
        }

        return ExitCodes.Ok;
    }

    private static void Override(GatewayOptions options, string key, string? value)
    {
        if (value is not null)
        {
            options.ConfigOverrides[key] = value;
        }
    }
}
