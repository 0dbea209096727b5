using System.CommandLine;
using System.Net.Sockets;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Emulator;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Emulator;

/// <summary><c>obs emulator</c>: runs the Elasticsearch-compatible emulator on its own until Ctrl+C.</summary>
internal sealed class RunCommand : CommandDefinition
{
    private readonly Option<int> _port;
    private readonly Option<string?> _data;
    private readonly Option<bool> _security;
    private readonly Option<bool> _lazyColumns;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "emulator", "Run the Elasticsearch-compatible emulator until Ctrl+C.")
    {
        _port = Add(new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1; 0 picks a free one.",
            DefaultValueFactory = _ => 9200,
        });
        _data = Add(new Option<string?>("--data")
        {
            Description = "Directory where the emulator keeps its data across restarts (default: in memory).",
            HelpName = "DIR",
        });
        _security = Add(new Option<bool>("--security")
        {
            Description = "Require credentials (Basic or ApiKey) and enforce role privileges, like a secured cluster; the elastic user's password comes from ELASTIC_PASSWORD.",
        });
        _lazyColumns = Add(LazyColumnsOption.Create());
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var port = parseResult.GetValue(_port);
        if (port is < 0 or > 65535)
        {
            throw new CliException($"--port {port} is out of range: use 0-65535 (0 picks a free port).", ExitCodes.Usage);
        }

        var data = parseResult.GetValue(_data) is { } dir ? Environment.ResolvePath(dir) : null;
        var security = parseResult.GetValue(_security);
        var password = Environment.Variable("ELASTIC_PASSWORD");
        if (security && string.IsNullOrEmpty(password))
        {
            throw new CliException("--security needs a password for the elastic superuser: set ELASTIC_PASSWORD (it is never taken from the command line).",
                ExitCodes.Usage);
        }

        var options = new EmulatorOptions
        {
            Port = port, DataDirectory = data, Security = security, ElasticPassword = security ? password : null,
            WarmColumns = !parseResult.GetValue(_lazyColumns),
        };
        await using var host = await StartAsync(options, cancellationToken);
        Output.MarkupLineInterpolated($"Emulator listening on [bold]{host.Url}[/] ({(data is null ? "in memory" : data)}{(options.Security ? ", security on: log in as elastic with ELASTIC_PASSWORD" : "")}). Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop.
        }

        Output.MarkupLine("Emulator stopped.");
        return ExitCodes.Ok;
    }

    /// <summary>Starts an emulator, turning "port in use" into a message that says what to do.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatorHost.StartAsync(options, cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"Port {options.Port} is already in use (another emulator or Elasticsearch?). Stop it, or pass --port with a free port (0 picks one).",
                ExitCodes.Failure, ex);
        }
    }
}
