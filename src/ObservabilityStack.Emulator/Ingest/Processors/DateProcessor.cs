using System.Globalization;
using ObservabilityStack.Emulator.Mapping;

namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary>
/// <c>date</c>: parses a field with the first matching format (<c>ISO8601</c>, <c>UNIX</c>, <c>UNIX_MS</c> or a
/// Java-style pattern) and writes it to <c>target_field</c> (default <c>@timestamp</c>) as ISO-8601 UTC with milliseconds.
/// Time zones other than UTC and <c>TAI64N</c> are not supported.
/// </summary>
internal sealed class DateProcessor : Processor
{
    private readonly string _field;
    private readonly string _target;
    private readonly List<string> _formats;

    public DateProcessor(ProcessorConfig config)
    {
        _field = config.Required("field");
        _target = config.Optional("target_field") ?? "@timestamp";
        _formats = config.Strings("formats");
        if (config.Optional("timezone") is { } zone && zone is not ("UTC" or "Z" or "+00:00" or "Etc/UTC"))
        {
            throw config.Error("timezone", $"time zone [{zone}] is not supported by the emulator (only UTC)");
        }
    }

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        var node = doc.Get(_field) ?? throw Missing(_field);
        var text = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        foreach (var format in _formats)
        {
            if (TryParse(text, format, out var millis))
            {
                var value = DateTimeOffset.FromUnixTimeMilliseconds(millis).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                doc.Set(_target, value);
                return;
            }
        }

        throw EmulatorException.IllegalArgument($"unable to parse date [{text}]");
    }

    private static bool TryParse(string text, string format, out long millis)
    {
        var mapped = format switch
        {
            "ISO8601" => "strict_date_optional_time",
            "UNIX" => "epoch_second",
            "UNIX_MS" => "epoch_millis",
            _ => format,
        };
        return DateFormats.TryParse(text, mapped, out millis);
    }
}
