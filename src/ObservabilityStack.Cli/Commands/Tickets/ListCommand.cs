using System.CommandLine;
using System.Globalization;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary><c>obs tickets list</c>: every ticket with its state, uploads and bytes; never a token.</summary>
internal sealed class ListCommand : CommandDefinition
{
    private readonly GatewayAdminFeature _gateway;

    /// <summary>Creates the command.</summary>
    public ListCommand(CliEnvironment environment)
        : base(environment, "tickets list", "List tickets: state, uploads, bytes and expiry (never the tokens).") =>
        _gateway = Enable(new GatewayAdminFeature(environment));

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var client = _gateway.Connect(parseResult);
        var tickets = await client.ListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            Output.WriteLine($"No tickets on {client.Gateway}. Create one with obs tickets create --platform P --ticket T.");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("TICKET", "PLATFORM", "STATE", "UPLOADS", "BYTES", "EXPIRES");
        foreach (var t in tickets)
        {
            table.AddRow(
                Markup.Escape(t.Ticket),
                Markup.Escape(t.Platform),
                Markup.Escape(t.State),
                $"{t.Uploads.Count}/{t.MaxUploads}",
                t.Bytes.ToString("N0", CultureInfo.InvariantCulture),
                t.Expires.ToString("u", CultureInfo.InvariantCulture));
        }

        Output.Write(table);
        return ExitCodes.Ok;
    }
}
