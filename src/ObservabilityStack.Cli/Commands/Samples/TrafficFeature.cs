using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Samples.Common.Traffic;

namespace ObservabilityStack.Cli.Commands.Samples;

/// <summary>
/// <c>--traffic [--rate N] [--error-rate F] [--chaos-every SECONDS]</c>: the generated order flow of
/// <c>obs samples shop</c>.
/// </summary>
internal sealed class TrafficFeature : ICommandFeature
{
    private readonly Option<bool> _traffic = new("--traffic")
    {
        Description = "Drive a realistic order flow through the shop (create, read, edit, status changes, some 4xx).",
    };

    private readonly Option<double?> _rate = new("--rate")
    {
        Description = "Requests per second of the generated traffic (default 2).",
        HelpName = "N",
    };

    private readonly Option<double?> _errorRate = new("--error-rate")
    {
        Description = "Share of generated requests that are deliberately wrong and get a 4xx, 0 to 1 (default 0.05).",
        HelpName = "F",
    };

    private readonly Option<int?> _chaosEvery = new("--chaos-every")
    {
        Description = "Misbehave every this many seconds, in turn: a 5xx burst, a request flood, an exception (default never).",
        HelpName = "SECONDS",
    };

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_traffic, _rate, _errorRate, _chaosEvery];

    /// <summary>True when <c>--traffic</c> was given.</summary>
    public bool IsEnabled(ParseResult parseResult) => parseResult.GetValue(_traffic);

    /// <summary>True when any traffic tuning option was given (they need <c>--traffic</c>).</summary>
    public bool IsTuned(ParseResult parseResult) =>
        parseResult.GetValue(_rate) is not null || parseResult.GetValue(_errorRate) is not null || parseResult.GetValue(_chaosEvery) is not null;

    /// <summary>The generator's options; a clear usage error when one is out of range.</summary>
    public TrafficOptions GetOptions(ParseResult parseResult, Action<string> onChaos)
    {
        var options = new TrafficOptions { OnChaos = onChaos };
        options.Rate = parseResult.GetValue(_rate) ?? options.Rate;
        options.ClientErrorRate = parseResult.GetValue(_errorRate) ?? options.ClientErrorRate;
        if (parseResult.GetValue(_chaosEvery) is { } seconds)
        {
            options.ChaosInterval = seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new CliException($"--chaos-every {seconds}: use a positive number of seconds.", ExitCodes.Usage);
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            var option = ex.ParamName == nameof(TrafficOptions.Rate) ? "--rate" : "--error-rate";
            throw new CliException($"{option}: {ex.Message.Split(" (Parameter", 2)[0]}", ExitCodes.Usage, ex);
        }

        return options;
    }
}
