using System.CommandLine;
using System.Security.Cryptography;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary>
/// <c>obs tickets download T [--out DIR]</c>: every archive of the ticket into <c>DIR/T/{upload}-{file}</c>,
/// each checked against the SHA-256 the gateway recorded when it was uploaded.
/// </summary>
internal sealed class DownloadCommand : CommandDefinition
{
    private readonly GatewayAdminFeature _gateway;
    private readonly Argument<string> _ticket;
    private readonly Option<string> _out;

    /// <summary>Creates the command.</summary>
    public DownloadCommand(CliEnvironment environment)
        : base(environment, "tickets download", "Download a ticket's archives (checked against their SHA-256).")
    {
        _ticket = AddArgument(new Argument<string>("TICKET") { Description = "Ticket number, as shown by obs tickets list." });
        _out = Add(new Option<string>("--out") { Description = "Directory to write into (default: the current one).", HelpName = "DIR", DefaultValueFactory = _ => "." });
        _gateway = Enable(new GatewayAdminFeature(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var client = _gateway.Connect(parseResult);
        var ticket = await client.GetAsync(parseResult.GetValue(_ticket)!, cancellationToken);
        if (ticket.Uploads.Count == 0)
        {
            Output.WriteLine($"Ticket {ticket.Ticket} has no uploads yet.");
            return ExitCodes.Ok;
        }

        var directory = Path.Combine(Environment.ResolvePath(parseResult.GetValue(_out)!), ticket.Ticket);
        Directory.CreateDirectory(directory);
        foreach (var upload in ticket.Uploads)
        {
            var path = Path.Combine(directory, $"{upload.Id}-{upload.FileName}");
            await client.DownloadAsync(ticket.Ticket, upload.Id, path, cancellationToken);
            string actual;
            await using (var file = File.OpenRead(path))
            {
                actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            }

            if (!string.Equals(actual, upload.Sha256, StringComparison.Ordinal))
            {
                throw new CliException($"{path} does not match the SHA-256 recorded at upload ({upload.Sha256}); download it again.", ExitCodes.Failure);
            }

            Output.WriteLine($"{path} ({upload.Bytes:N0} bytes, sha256 {actual})");
        }

        return ExitCodes.Ok;
    }
}
