using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Gateway.Auth;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Keys;

/// <summary>
/// <c>obs keys create --service S [--env E ...] [--browser --origin O ...] | --admin</c>: creates a gateway API key,
/// prints it once and stores only its salted hash. A running gateway accepts it within a second.
/// </summary>
internal sealed class CreateCommand : CommandDefinition
{
    private readonly KeysFileFeature _keys;
    private readonly Option<string> _service;
    private readonly Option<string[]> _env;
    private readonly Option<bool> _browser;
    private readonly Option<string[]> _origin;
    private readonly Option<bool> _admin;

    /// <summary>Creates the command.</summary>
    public CreateCommand(CliEnvironment environment)
        : base(environment, "keys create", "Create a key; it is printed once and only its hash is stored.")
    {
        _service = Add(new Option<string>("--service") { Description = "Service the key writes as (e.g. shop-api).", HelpName = "NAME" });
        _env = Add(new Option<string[]>("--env")
        {
            Description = "Environment(s) the key may write; the first is the default.",
            HelpName = "ENV",
            DefaultValueFactory = _ => ["production"],
            AllowMultipleArgumentsPerToken = true,
        });
        _browser = Add(new Option<bool>("--browser") { Description = "A public browser key for /v1/browser-logs (needs --origin)." });
        _origin = Add(new Option<string[]>("--origin") { Description = "Origin(s) a browser key may be used from.", HelpName = "URL", AllowMultipleArgumentsPerToken = true });
        _admin = Add(new Option<bool>("--admin") { Description = "A staff key for the admin endpoints (obs tickets); writes no logs." });
        _keys = Enable(new KeysFileFeature(environment));
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_admin))
        {
            return CreateAdmin(parseResult);
        }

        var service = parseResult.GetValue(_service)?.Trim()
            ?? throw new CliException("--service is required (or --admin for a staff key).", ExitCodes.Usage);
        var environments = parseResult.GetValue(_env) ?? [];
        var origins = parseResult.GetValue(_origin) ?? [];
        var browser = parseResult.GetValue(_browser);
        if (service.Length == 0 || service.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new CliException($"--service '{service}' is not a service name; use e.g. shop-api.", ExitCodes.Usage);
        }

        if (environments.Length == 0 || environments.Any(string.IsNullOrWhiteSpace))
        {
            throw new CliException("--env needs at least one environment name, e.g. --env production staging.", ExitCodes.Usage);
        }

        if (browser && origins.Length == 0)
        {
            throw new CliException("A browser key needs at least one --origin (e.g. --origin https://shop.example).", ExitCodes.Usage);
        }

        if (!browser && origins.Length > 0)
        {
            throw new CliException("--origin only applies to browser keys; add --browser.", ExitCodes.Usage);
        }

        var (record, key) = ApiKeys.Create(_keys.KeysFile(parseResult), service, environments, browser, origins, DateTimeOffset.UtcNow);
        Output.WriteLine($"Created {(browser ? "browser" : "server")} key {record.Id} for {record.Service} ({string.Join(", ", record.Environments)}).");
        Output.WriteLine("Store it now; it will not be shown again:");
        // Raw, never wrapped at the console width: the key must copy-paste as one line.
        Environment.OutputWriter.WriteLine(key);
        return Task.FromResult(ExitCodes.Ok);
    }

    private Task<int> CreateAdmin(ParseResult parseResult)
    {
        if (parseResult.GetValue(_service) is not null || parseResult.GetValue(_browser))
        {
            throw new CliException("--admin keys have no --service and are not browser keys; drop those options.", ExitCodes.Usage);
        }

        var (record, key) = ApiKeys.CreateAdmin(_keys.KeysFile(parseResult), DateTimeOffset.UtcNow);
        Output.WriteLine($"Created admin key {record.Id} (tickets API; export it as OBS_ADMIN_KEY or keep it in a file for --admin-key-file).");
        Output.WriteLine("Store it now; it will not be shown again:");
        Environment.OutputWriter.WriteLine(key);
        return Task.FromResult(ExitCodes.Ok);
    }
}
