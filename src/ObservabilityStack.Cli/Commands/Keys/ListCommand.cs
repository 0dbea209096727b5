using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Gateway.Auth;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Keys;

/// <summary><c>obs keys list</c>: ids, services, environments, kind and state of every key; never the keys themselves.</summary>
internal sealed class ListCommand : CommandDefinition
{
    private readonly KeysFileFeature _keys;

    /// <summary>Creates the command.</summary>
    public ListCommand(CliEnvironment environment)
        : base(environment, "keys list", "List keys (ids, services, environments; never the keys themselves).") =>
        _keys = Enable(new KeysFileFeature(environment));

    /// <inheritdoc/>
    protected override Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = _keys.KeysFile(parseResult);
        var keys = ApiKeys.Load(file).Keys;
        if (keys.Count == 0)
        {
            Output.WriteLine($"No keys in {file}. Create one with obs keys create --service NAME.");
            return Task.FromResult(ExitCodes.Ok);
        }

        var table = new Table().AddColumns("ID", "SERVICE", "ENVIRONMENTS", "KIND", "STATE");
        foreach (var k in keys)
        {
            table.AddRow(
                Markup.Escape(k.Id),
                Markup.Escape(k.Service),
                Markup.Escape(string.Join(',', k.Environments)),
                Markup.Escape(k.Admin ? "admin" : k.Browser ? $"browser {string.Join(' ', k.Origins)}" : "server"),
                k.Revoked is null ? "active" : Markup.Escape($"revoked {k.Revoked:u}"));
        }

        Output.Write(table);
        return Task.FromResult(ExitCodes.Ok);
    }
}
