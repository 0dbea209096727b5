using System.CommandLine;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Cli;

/// <summary>Builds the <c>obs</c> command tree.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var root = new RootCommand("ObservabilityStack: logs from your services into Elasticsearch, alerts to on-call.");
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 9200 };
        var data = new Option<string?>("--data") { Description = "Data directory (default: in memory)." };
        var emulator = new Command("emulator", "Run the Elasticsearch-compatible emulator.") { port, data };
        emulator.SetAction(async (parse, ct) =>
        {
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = parse.GetValue(port), DataDirectory = parse.GetValue(data) }, ct);
            Console.WriteLine($"Emulator listening on {host.Url}");
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        });
        root.Subcommands.Add(emulator);
        root.Subcommands.Add(Commands.Gateway.RunCommand.Create());
        root.Subcommands.Add(Commands.Keys.KeysCommand.Create());
        return root;
    }
}
