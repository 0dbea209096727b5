using System.CommandLine;
using ObservabilityStack.Cli.Commands.Stack.Up;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;
using ObservabilityStack.Cli.Features.Bootstrap;
using ObservabilityStack.Emulator;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Stack;

/// <summary>
/// <c>obs up</c>: the all-in-one. Starts the emulator (or checks the named cluster), bootstraps it,
/// starts every registered <see cref="IStackComponent"/> and prints what runs where, until Ctrl+C.
/// </summary>
internal sealed class UpCommand : CommandDefinition
{
    private readonly ElasticsearchConnectionFeature _connection;
    private readonly BootstrapFeature _bootstrap;
    private readonly Option<bool> _demo;
    private readonly Option<string?> _data;
    private readonly Option<int> _emulatorPort;
    private readonly Option<int> _gatewayPort;
    private readonly Option<string?> _smtp;
    private readonly Option<string?> _outbox;
    private readonly Option<bool> _lazyColumns;

    /// <summary>Creates the command.</summary>
    public UpCommand(CliEnvironment environment)
        : base(environment, "up", "Run everything locally: Elasticsearch (emulator by default), bootstrap, and every part that exists.")
    {
        _connection = Enable(new ElasticsearchConnectionFeature(environment,
            "Use this Elasticsearch cluster instead of starting the embedded emulator."));
        _bootstrap = Enable(new BootstrapFeature(environment, withKibana: false));
        _demo = Add(new Option<bool>("--demo") { Description = "Run the sample shop, CRM and MES services with generated traffic." });
        _data = Add(new Option<string?>("--data")
        {
            Description = "Directory for emulator data, gateway queue and alert state (default ./.obs).",
            HelpName = "DIR",
        });
        _emulatorPort = Add(new Option<int>("--emulator-port")
        {
            Description = "Port of the embedded emulator on 127.0.0.1; 0 picks a free one.",
            DefaultValueFactory = _ => 9200,
        });
        _gatewayPort = Add(new Option<int>("--gateway-port")
        {
            Description = "Port of the gateway on 127.0.0.1; 0 picks a free one.",
            DefaultValueFactory = _ => 8080,
        });
        _smtp = Add(new Option<string?>("--smtp") { Description = "Send alert emails through this SMTP relay.", HelpName = "HOST:PORT" });
        _outbox = Add(new Option<string?>("--outbox")
        {
            Description = "Write alert emails as .eml files into this directory (default <data>/outbox).",
            HelpName = "DIR",
        });
        _lazyColumns = Add(Emulator.LazyColumnsOption.Create());
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var smtp = parseResult.GetValue(_smtp);
        var outbox = parseResult.GetValue(_outbox);
        if (smtp is not null && outbox is not null)
        {
            throw new CliException("--smtp and --outbox exclude each other: pick one place for alert emails.", ExitCodes.Usage);
        }

        if (smtp is not null && !SmtpAddress.IsValid(smtp))
        {
            throw new CliException($"--smtp '{smtp}' is not HOST:PORT (for example 127.0.0.1:1025).", ExitCodes.Usage);
        }

        var data = Environment.ResolvePath(parseResult.GetValue(_data) ?? ".obs");
        outbox = smtp is null ? Environment.ResolvePath(outbox ?? System.IO.Path.Combine(data, "outbox")) : null;
        var explicitUrl = _connection.GetExplicitUrl(parseResult);

        await using var emulator = explicitUrl is null
            ? await Emulator.RunCommand.StartAsync(new EmulatorOptions
            {
                Port = parseResult.GetValue(_emulatorPort),
                DataDirectory = System.IO.Path.Combine(data, "emulator"),
                WarmColumns = !parseResult.GetValue(_lazyColumns),
            }, cancellationToken)
            : null;
        var url = explicitUrl ?? emulator!.Url;
        using var connection = _connection.Connect(parseResult, url);
        var plan = await _bootstrap.RunAsync(parseResult, connection, dryRun: false, quiet: true,
            System.IO.Path.Combine(data, "secrets"), cancellationToken);
        var cluster = plan.Cluster;

        var context = new StackContext(connection.Client.Options, data, parseResult.GetValue(_demo), smtp, outbox,
            parseResult.GetValue(_gatewayPort));
        context.Report("elasticsearch", url.ToString(), emulator is null
            ? $"Elasticsearch {cluster.Version} ({cluster.Name})"
            : $"embedded emulator, data in {System.IO.Path.Combine(data, "emulator")}");
        var running = new List<IAsyncDisposable>();
        try
        {
            foreach (var component in StackComponents.Create(Environment))
            {
                running.Add(await component.StartAsync(context, cancellationToken));
            }

            PrintSummary(context);
            await WaitForCtrlCAsync(cancellationToken);
        }
        finally
        {
            for (var i = running.Count - 1; i >= 0; i--)
            {
                await running[i].DisposeAsync();
            }
        }

        Output.MarkupLine("Stopped.");
        return ExitCodes.Ok;
    }

    private void PrintSummary(StackContext context)
    {
        var table = new Table().AddColumns("part", "where", "notes");
        foreach (var endpoint in context.Endpoints)
        {
            table.AddRow(Markup.Escape(endpoint.Name), Markup.Escape(endpoint.Where), Markup.Escape(endpoint.Notes));
        }

        foreach (var pending in StackComponents.NotYetAvailable)
        {
            table.AddRow(Markup.Escape(pending), "[grey]not started[/]", "[grey]not yet part of obs up in this build[/]");
        }

        Output.Write(table);
        Output.MarkupLine("Running. Press Ctrl+C to stop.");
    }

    private static async Task WaitForCtrlCAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop.
        }
    }
}
