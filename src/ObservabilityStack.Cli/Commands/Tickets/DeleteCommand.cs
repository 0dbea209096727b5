using System.CommandLine;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary><c>obs tickets delete T</c>: the ticket, its stored archives and its indexed documents.</summary>
internal sealed class DeleteCommand : CommandDefinition
{
    private readonly GatewayAdminFeature _gateway;
    private readonly Argument<string> _ticket;

    /// <summary>Creates the command.</summary>
    public DeleteCommand(CliEnvironment environment)
        : base(environment, "tickets delete", "Delete a ticket with its stored archives and its indexed log lines.")
    {
        _ticket = AddArgument(new Argument<string>("TICKET") { Description = "Ticket number, as shown by obs tickets list." });
        _gateway = Enable(new GatewayAdminFeature(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var client = _gateway.Connect(parseResult);
        var deleted = await client.DeleteAsync(parseResult.GetValue(_ticket)!, cancellationToken);
        Output.WriteLine($"Deleted ticket {deleted.Ticket}: {deleted.Files} stored files and {deleted.Documents} indexed lines removed.");
        return ExitCodes.Ok;
    }
}
