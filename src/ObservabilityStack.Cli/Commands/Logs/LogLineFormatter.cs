using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Logs;

/// <summary>Renders one ECS document as one timeline line (Spectre markup, values escaped).</summary>
internal static class LogLineFormatter
{
    /// <summary>Formats <c>_source</c> as markup: time, level, service, message, then ids and error.</summary>
    public static string Format(JsonElement source)
    {
        var level = Get(source, "log.level") ?? "info";
        var builder = new StringBuilder(256);
        builder.Append(CultureInfo.InvariantCulture, $"[grey]{Markup.Escape(Get(source, "@timestamp") ?? "-")}[/] ");
        builder.Append(CultureInfo.InvariantCulture, $"[{Color(level)}]{Markup.Escape(level.ToUpperInvariant()),-5}[/] ");
        builder.Append(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(Get(source, "service.name") ?? "?"),-13}[/] ");
        builder.Append(Markup.Escape(Get(source, "message") ?? ""));
        foreach (var (label, field) in Extras)
        {
            if (Get(source, field) is { } value)
            {
                builder.Append(CultureInfo.InvariantCulture, $" [grey]{label}=[/]{Markup.Escape(value)}");
            }
        }

        return builder.ToString();
    }

    private static readonly (string Label, string Field)[] Extras =
    [
        ("action", "event.action"), ("order", "order.id"), ("trace", "trace.id"), ("status", "http.response.status_code"),
        ("error", "error.type"), ("reason", "error.message"),
    ];

    /// <summary>Reads a field written either dotted (<c>"log.level"</c>) or nested (<c>log: {level}</c>).</summary>
    public static string? Get(JsonElement source, string field)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (source.TryGetProperty(field, out var direct))
        {
            return Scalar(direct);
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        while (dot > 0)
        {
            if (source.TryGetProperty(field[..dot], out var child) && Get(child, field[(dot + 1)..]) is { } value)
            {
                return value;
            }

            dot = field.IndexOf('.', dot + 1);
        }

        return null;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static string Color(string level) => level switch
    {
        "fatal" or "error" => "red",
        "warn" => "yellow",
        "debug" or "trace" => "grey",
        _ => "green",
    };
}
