using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>What one request may write: fixed by its API key, plus the limits of its endpoint.</summary>
internal sealed class IntakeContext
{
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);

    public IntakeContext(string service, IReadOnlyList<string> environments, IntakeLimits limits, DateTimeOffset now)
    {
        Service = service;
        Environments = environments;
        Limits = limits;
        Now = now;
        NowUnixMs = now.ToUnixTimeMilliseconds();
        ServiceJson = Encode(service);
        IsoTimestamp.Format(now, NowText);
    }

    /// <summary>The key's service; a body naming another service is refused.</summary>
    public string Service { get; }

    /// <summary>Environments the key may write; the first is the default.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>Limits of the endpoint.</summary>
    public IntakeLimits Limits { get; }

    /// <summary>Arrival time: <c>event.ingested</c>, and <c>@timestamp</c> when the event has none.</summary>
    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> in Unix milliseconds (the log record's ingest time).</summary>
    public long NowUnixMs { get; }

    /// <summary><see cref="Now"/> as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, computed once per request.</summary>
    public byte[] NowText { get; } = new byte[IsoTimestamp.Length];

    /// <summary>The service name as JSON string content (escaped once per request, not per event).</summary>
    public byte[] ServiceJson { get; }

    /// <summary>The data stream for this key's service in <paramref name="environment"/> (cached per request).</summary>
    public string IndexFor(string environment) => TargetFor(environment).Index;

    /// <summary>Data stream name (UTF-8) and escaped environment for <paramref name="environment"/>, cached per request.</summary>
    public Target TargetFor(string environment)
    {
        if (!_targets.TryGetValue(environment, out var target))
        {
            var index = ObservabilityStack.Elasticsearch.Documents.DataStreamName.For(Service, environment);
            target = new Target(index, Encoding.UTF8.GetBytes(index), Encode(environment));
            _targets[environment] = target;
        }

        return target;
    }

    /// <summary>The environment named in a body if the key allows it, else null.</summary>
    public string? AllowedEnvironment(string requested)
    {
        foreach (var env in Environments)
        {
            if (string.Equals(env, requested, StringComparison.OrdinalIgnoreCase))
            {
                return env;
            }
        }

        return null;
    }

    private static byte[] Encode(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes.ToArray();

    /// <summary>Where events of one environment go.</summary>
    internal sealed record Target(string Index, byte[] IndexUtf8, byte[] EnvironmentJson);
}
