using System.CommandLine;
using ObservabilityStack.Gateway;

namespace ObservabilityStack.Cli.Commands.Gateway;

/// <summary>
/// <c>obs gateway [--config FILE] [--elasticsearch URL] [--data DIR] [--urls URL]</c>: runs the log gateway
/// until Ctrl+C. Command-line options win over the file; the file is re-read when it changes.
/// (Plain System.CommandLine; to be moved onto the stack's CommandDefinition base when it lands in main.)
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "JSON configuration file with a Gateway section (see config/gateway.json).", HelpName = "FILE" };
        var elasticsearch = new Option<string?>("--elasticsearch") { Description = "Elasticsearch (or emulator) URL to deliver to.", HelpName = "URL" };
        var data = new Option<string?>("--data") { Description = "Directory for the write-ahead log and keys (default ./data/gateway).", HelpName = "DIR" };
        var urls = new Option<string?>("--urls") { Description = "Listen URLs, e.g. http://0.0.0.0:8080.", HelpName = "URL" };
        var command = new Command("gateway", "Run the log gateway: authenticated intake, durable log, bulk delivery.") { config, elasticsearch, data, urls };
        command.SetAction(async (parse, ct) =>
        {
            var options = new GatewayOptions();
            if (parse.GetValue(config) is { } file)
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"Configuration file '{file}' does not exist.");
                    return 2;
                }

                options.ConfigFile = file;
            }

            Override(options, "Gateway:Elasticsearch:Url", parse.GetValue(elasticsearch));
            Override(options, "Gateway:DataDirectory", parse.GetValue(data));
            Override(options, "Gateway:Urls", parse.GetValue(urls));
            await using var host = await GatewayHost.StartAsync(options, ct);
            Console.WriteLine($"Gateway listening on {host.Url}. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: undelivered events stay in the log and are delivered at the next start.
            }

            return 0;
        });
        return command;
    }

    private static void Override(GatewayOptions options, string key, string? value)
    {
        if (value is not null)
        {
            options.ConfigOverrides[key] = value;
        }
    }
}
