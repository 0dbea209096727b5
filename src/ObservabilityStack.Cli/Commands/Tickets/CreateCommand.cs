using System.CommandLine;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Cli.Core;
using Spectre.Console;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary>
/// <c>obs tickets create --platform P --ticket T [--expires 72h] [--max-uploads 3]</c>: creates a ticket on the
/// gateway and prints, once, the upload token and the <c>curl</c> command to give the customer.
/// </summary>
internal sealed class CreateCommand : CommandDefinition
{
    private readonly GatewayAdminFeature _gateway;
    private readonly Option<string> _platform;
    private readonly Option<string> _ticket;
    private readonly Option<string?> _expires;
    private readonly Option<int?> _maxUploads;

    /// <summary>Creates the command.</summary>
    public CreateCommand(CliEnvironment environment)
        : base(environment, "tickets create", "Create a ticket; prints once the upload token and the curl command for the customer.")
    {
        _platform = Add(new Option<string>("--platform") { Description = "Product the customer runs (e.g. shop).", HelpName = "NAME", Required = true });
        _ticket = Add(new Option<string>("--ticket") { Description = "Help-desk ticket number (e.g. HD-1234).", HelpName = "ID", Required = true });
        _expires = Add(new Option<string?>("--expires") { Description = "Token lifetime, e.g. 72h, 7d (default: the gateway's, 72h).", HelpName = "DURATION" });
        _maxUploads = Add(new Option<int?>("--max-uploads") { Description = "Uploads the token allows (default: the gateway's, 3).", HelpName = "N" });
        _gateway = Enable(new GatewayAdminFeature(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        long? seconds = null;
        if (parseResult.GetValue(_expires) is { } text)
        {
            if (!Durations.TryParse(text, out var lifetime) || lifetime <= TimeSpan.Zero)
            {
                throw new CliException($"--expires '{text}' is not a duration; use e.g. 24h, 72h, 7d.", ExitCodes.Usage);
            }

            seconds = (long)lifetime.TotalSeconds;
        }

        using var client = _gateway.Connect(parseResult);
        var created = await client.CreateAsync(new CreateTicketRequest
        {
            Ticket = parseResult.GetValue(_ticket)!.Trim(),
            Platform = parseResult.GetValue(_platform)!.Trim(),
            ExpiresInSeconds = seconds,
            MaxUploads = parseResult.GetValue(_maxUploads),
        }, cancellationToken);
        Output.WriteLine($"Created ticket {created.Ticket} for {created.Platform}: {created.MaxUploads} uploads until {created.Expires:u}.");
        Output.WriteLine("Send the customer this command (the token is shown only now; .log, .txt, .gz, .tar.gz/.tgz and .zip are accepted):");
        // Raw, never wrapped at the console width: both must copy-paste as one line.
        Environment.OutputWriter.WriteLine(created.Curl);
        Output.WriteLine("Token:");
        Environment.OutputWriter.WriteLine(created.Token);
        return ExitCodes.Ok;
    }
}
