using System.CommandLine;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary><c>obs tickets solve T</c>: the token stops working; archives and indexed lines stay until delete.</summary>
internal sealed class SolveCommand : CommandDefinition
{
    private readonly GatewayAdminFeature _gateway;
    private readonly Argument<string> _ticket;

    /// <summary>Creates the command.</summary>
    public SolveCommand(CliEnvironment environment)
        : base(environment, "tickets solve", "Mark a ticket solved: its upload token stops working, its files stay.")
    {
        _ticket = AddArgument(new Argument<string>("TICKET") { Description = "Ticket number, as shown by obs tickets list." });
        _gateway = Enable(new GatewayAdminFeature(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var client = _gateway.Connect(parseResult);
        var ticket = await client.SolveAsync(parseResult.GetValue(_ticket)!, cancellationToken);
        Output.WriteLine($"Ticket {ticket.Ticket} is solved; its token no longer works ({ticket.Uploads.Count} uploads kept; obs tickets delete removes them).");
        return ExitCodes.Ok;
    }
}
