using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Gateway.Auth;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Keys;

/// <summary><c>obs keys revoke ID</c>: a running gateway refuses the key within a second (401).</summary>
internal sealed class RevokeCommand : CommandDefinition
{
    private readonly KeysFileFeature _keys;
    private readonly Argument<string> _id;

    /// <summary>Creates the command.</summary>
    public RevokeCommand(CliEnvironment environment)
        : base(environment, "keys revoke", "Revoke a key; a running gateway refuses it within a second.")
    {
        _id = AddArgument(new Argument<string>("ID") { Description = "Key id, as shown by obs keys list." });
        _keys = Enable(new KeysFileFeature(environment));
    }

    /// <inheritdoc/>
    protected override Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(_id)!;
        if (!ApiKeys.Revoke(_keys.KeysFile(parseResult), id, DateTimeOffset.UtcNow))
        {
            throw new CliException($"No key with id '{id}'. See obs keys list.", ExitCodes.Failure);
        }

        Output.WriteLine($"Revoked {id}.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
