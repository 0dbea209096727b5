using System.Globalization;

namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>
/// Misbehaviour in turn, through the shop's own chaos endpoints: a burst of 5xx answers, a request flood, then each
/// exception type, so every alert rule of the demo (5xx rate, request rate, new error type) has something to catch.
/// </summary>
internal sealed class ChaosActions(HttpClient http, TrafficStats stats, Action<string>? onChaos)
{
    private static readonly string[] ExceptionTypes = ["timeout", "database", "invalid-operation", "key-not-found", "argument", "out-of-memory"];
    private int _turn;

    public async Task NextAsync(CancellationToken cancellationToken)
    {
        var turn = _turn++;
        var path = (turn % 3) switch
        {
            0 => "/chaos/5xx?count=25",
            1 => "/chaos/flood?requests=300",
            _ => "/chaos/exception?type=" + ExceptionTypes[turn / 3 % ExceptionTypes.Length],
        };
        stats.AddChaos();
        onChaos?.Invoke(string.Create(CultureInfo.InvariantCulture, $"chaos: POST {path}"));
        try
        {
            using var response = await http.PostAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            stats.AddUnreachable();
        }
    }
}
