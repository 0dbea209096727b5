using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;
using ObservabilityStack.Samples.Common.Traffic;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Samples;

/// <summary>
/// <c>obs samples shop|crm|mes</c>: runs one sample service until Ctrl+C, logging through the gateway
/// (<c>--gateway URL</c>, key from <c>OBS_GATEWAY_API_KEY[_FILE]</c>) or straight to Elasticsearch; with
/// <c>--traffic</c> the shop also gets a generated order flow that runs on through the CRM and the MES.
/// </summary>
internal sealed class RunCommand : CommandDefinition
{
    private readonly Argument<string> _service;
    private readonly Option<string?> _urls;
    private readonly Option<string?> _gateway;
    private readonly Option<string?> _keyFile;
    private readonly ElasticsearchConnectionFeature _elasticsearch;
    private readonly Option<string?> _downstream;
    private readonly Option<string?> _serviceName;
    private readonly Option<string> _environment;
    private readonly TrafficFeature _traffic;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "samples", "Run one sample service (shop, crm or mes) of the order flow, optionally with generated traffic.")
    {
        _service = AddArgument(new Argument<string>("service") { Description = "Which sample: shop (starts the flow), crm or mes." });
        _service.AcceptOnlyFromAmong([.. SampleService.All.Select(s => s.Name)]);
        _urls = Add(new Option<string?>("--urls")
        {
            Description = "Listen URL, e.g. http://0.0.0.0:8080 (default http://127.0.0.1:5080, 5081, 5082 for shop, crm, mes; port 0 picks one).",
            HelpName = "URL",
        });
        _gateway = Add(new Option<string?>("--gateway")
        {
            Description = "Send logs through this gateway; the API key comes from OBS_GATEWAY_API_KEY or OBS_GATEWAY_API_KEY_FILE.",
            HelpName = "URL",
        });
        _keyFile = Add(new Option<string?>("--gateway-api-key-file")
        {
            Description = "File holding the gateway API key (instead of the OBS_GATEWAY_API_KEY variable).",
            HelpName = "FILE",
        });
        _elasticsearch = Enable(new ElasticsearchConnectionFeature(environment,
            "Without --gateway: write logs straight to this Elasticsearch or emulator (default http://127.0.0.1:9200)."));
        _downstream = Add(new Option<string?>("--downstream")
        {
            Description = "Base URL of the next service of the flow: the CRM for the shop, the MES for the CRM (default its local port).",
            HelpName = "URL",
        });
        _serviceName = Add(new Option<string?>("--service-name")
        {
            Description = "Service name in the logs, which picks the data stream (default the sample's name; must match a gateway key's service).",
            HelpName = "NAME",
        });
        _environment = Add(new Option<string>("--environment")
        {
            Description = "Environment in the logs, the data stream namespace (default demo).",
            DefaultValueFactory = _ => "demo",
            HelpName = "ENV",
        });
        _traffic = Enable(new TrafficFeature());
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var sample = SampleService.Find(parseResult.GetValue(_service)!)!;
        var urls = parseResult.GetValue(_urls) ?? $"http://127.0.0.1:{sample.DefaultPort}";
        ParseUrl(urls, "--urls");
        var name = parseResult.GetValue(_serviceName) ?? sample.Name;
        var settings = SinkSettings(parseResult, name, out var destination);
        settings["ObservabilityStack:ServiceName"] = name;
        settings["ObservabilityStack:Environment"] = parseResult.GetValue(_environment)!;
        if (parseResult.GetValue(_downstream) is { } downstream)
        {
            settings[$"Services:{sample.Downstream ?? throw new CliException("The MES is the end of the order flow: it has no --downstream.", ExitCodes.Usage)}"] =
                ParseUrl(downstream, "--downstream").ToString();
        }

        if (sample.Name != "shop" && (_traffic.IsEnabled(parseResult) || _traffic.IsTuned(parseResult)))
        {
            throw new CliException("Traffic enters the order flow at the shop: pass --traffic to 'obs samples shop' (it reaches the CRM and MES from there).",
                ExitCodes.Usage);
        }

        if (_traffic.IsTuned(parseResult) && !_traffic.IsEnabled(parseResult))
        {
            throw new CliException("--rate, --error-rate and --chaos-every tune the generated traffic: add --traffic.", ExitCodes.Usage);
        }

        var traffic = _traffic.IsEnabled(parseResult) ? _traffic.GetOptions(parseResult, line => Output.WriteLine(line)) : null;
        var app = await sample.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")], urls);
        await using (app)
        {
            await StartAsync(app, urls, cancellationToken);
            var listening = app.Urls.First().TrimEnd('/') + "/";
            Output.WriteLine($"Sample {sample.Name} listening on {listening} as service '{name}', environment '{settings["ObservabilityStack:Environment"]}', logs {destination}. Press Ctrl+C to stop.");
            var generator = traffic is null ? null : TrafficGenerator.Start(LoopbackOf(listening), traffic);
            if (generator is not null)
            {
                Output.WriteLine($"Traffic: {traffic!.Rate:0.##} requests/s into the shop, {traffic.ClientErrorRate:P0} deliberately wrong" +
                    (traffic.ChaosInterval is { } every ? $", chaos every {every.TotalSeconds:0} s." : "."));
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop the traffic, then the app (which flushes its log sink).
            }

            if (generator is not null)
            {
                await generator.DisposeAsync();
                Output.WriteLine($"Traffic sent {generator.Stats}.");
            }

            await app.StopAsync(CancellationToken.None);
        }

        Output.WriteLine($"Sample {sample.Name} stopped.");
        return ExitCodes.Ok;
    }

    private Dictionary<string, string> SinkSettings(ParseResult parseResult, string serviceName, out string destination)
    {
        if (parseResult.GetValue(_gateway) is { } gatewayText)
        {
            // OBS_ELASTICSEARCH_URL may be set for other commands; only the option itself contradicts --gateway.
            if (parseResult.Tokens.Any(t => t.Value == "--elasticsearch"))
            {
                throw new CliException("Choose one destination: --gateway or --elasticsearch, not both.", ExitCodes.Usage);
            }

            var gateway = ParseUrl(gatewayText, "--gateway");
            destination = $"through the gateway {gateway}";
            return SampleSinkSettings.ForGateway(Environment, gateway, parseResult.GetValue(_keyFile), serviceName);
        }

        if (parseResult.GetValue(_keyFile) is not null)
        {
            throw new CliException("--gateway-api-key-file needs --gateway URL.", ExitCodes.Usage);
        }

        if (_elasticsearch.GetCaCertificatePath(parseResult) is not null)
        {
            throw new CliException("The samples' log sink trusts the system's CAs: instead of --ca-cert, set SSL_CERT_FILE to the CA file.", ExitCodes.Usage);
        }

        var options = _elasticsearch.GetClientOptions(parseResult, _elasticsearch.GetExplicitUrl(parseResult) ?? ElasticsearchConnectionFeature.DefaultUrl);
        destination = $"straight to Elasticsearch {options.Url}";
        return SampleSinkSettings.ForElasticsearch(options);
    }

    private static Uri ParseUrl(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new CliException($"{option} '{text}' is not an http(s) URL, e.g. http://127.0.0.1:8080.", ExitCodes.Usage);

    // A sample bound to every interface (0.0.0.0, [::], +, *) is driven through loopback.
    private static Uri LoopbackOf(string listening)
    {
        var url = new Uri(listening.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        return url.Host is "0.0.0.0" or "[::]" or "::" ? new UriBuilder(url) { Host = "127.0.0.1" }.Uri : url;
    }

    private static async Task StartAsync(WebApplication app, string urls, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"Cannot listen on {urls}: {ex.Message} Pass --urls with a free port (port 0 picks one).", ExitCodes.Failure, ex);
        }
    }
}
