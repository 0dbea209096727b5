using System.Globalization;

namespace ObservabilityStack.Cli.Commands.Stack;

/// <summary>Validates <c>HOST:PORT</c> strings for <c>--smtp</c>.</summary>
internal static class SmtpAddress
{
    /// <summary>True when <paramref name="value"/> is a non-empty host and a port 1-65535.</summary>
    public static bool IsValid(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }
}
