using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Redaction;

/// <summary>Masks sensitive properties, destructured members and text patterns. Thread-safe.</summary>
internal sealed partial class Redactor
{
    private const int NameCacheLimit = 4096;
    private readonly RedactionOptions _options;
    private readonly string[] _fragments;
    private readonly ScalarValue _mask;

    // Names repeat endlessly (templates are fixed), so the verdict per name is cached; the limit keeps a
    // service that invents names at runtime from growing the cache without bound.
    private readonly ConcurrentDictionary<string, bool> _nameVerdicts = new(StringComparer.Ordinal);

    public Redactor(RedactionOptions options)
    {
        _options = options;
        _fragments = [.. options.SensitiveNames.Select(Normalize).Where(f => f.Length > 0)];
        _mask = new ScalarValue(options.Mask);
    }

    public bool IsEnabled => _options.Enabled;

    public bool IsSensitiveName(string name)
    {
        if (_nameVerdicts.TryGetValue(name, out var verdict))
        {
            return verdict;
        }

        var normalized = Normalize(name);
        verdict = Array.Exists(_fragments, f => normalized.Contains(f, StringComparison.Ordinal))
            || (_options.MaskCardNumbers && CardFieldName.Matches(name));
        if (_nameVerdicts.Count < NameCacheLimit)
        {
            _nameVerdicts.TryAdd(name, verdict);
        }

        return verdict;
    }

    /// <summary>Returns <paramref name="properties"/> itself when nothing needs masking, else a masked copy.</summary>
    public IReadOnlyDictionary<string, LogEventPropertyValue> Redact(IReadOnlyDictionary<string, LogEventPropertyValue> properties)
    {
        Dictionary<string, LogEventPropertyValue>? copy = null;

        // LogEvent.Properties is a Dictionary; enumerating it as one avoids a boxed enumerator per event.
        var source = properties as Dictionary<string, LogEventPropertyValue> ?? new Dictionary<string, LogEventPropertyValue>(properties, StringComparer.Ordinal);
        foreach (var (name, value) in source)
        {
            var redacted = IsSensitiveName(name) ? _mask : RedactValue(value, 0);
            if (!ReferenceEquals(redacted, value))
            {
                copy ??= new Dictionary<string, LogEventPropertyValue>(properties, StringComparer.Ordinal);
                copy[name] = redacted;
            }
        }

        return copy ?? properties;
    }

    /// <summary>False when <see cref="RedactText"/> would certainly return the text unchanged (the cheap checks it starts with).</summary>
    public bool MightNeedRedaction(ReadOnlySpan<char> text) =>
        (_options.MaskBearerTokens && text.Contains("bearer", StringComparison.OrdinalIgnoreCase))
        || (_options.MaskCardNumbers && CountDigits(text) >= CardNumber.MinDigits);

    /// <summary>Masks card numbers and bearer tokens inside free text; returns the same instance when clean.</summary>
    public string RedactText(string text)
    {
        var result = text;
        if (_options.MaskBearerTokens && result.Contains("bearer", StringComparison.OrdinalIgnoreCase))
        {
            result = BearerPattern().Replace(result, "Bearer " + _options.Mask);
        }

        if (_options.MaskCardNumbers && CountDigits(result) >= CardNumber.MinDigits)
        {
            result = MaskCardNumbers(result);
        }

        return result;
    }

    private string MaskCardNumbers(string text)
    {
        if (!CardNumberScanner.TryFind(text, 0, out var start, out var end))
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var copied = 0;
        do
        {
            masked.Append(text, copied, start - copied).Append(_options.Mask);
            copied = end;
        }
        while (CardNumberScanner.TryFind(text, copied, out start, out end));

        return masked.Append(text, copied, text.Length - copied).ToString();
    }

    private LogEventPropertyValue RedactValue(LogEventPropertyValue value, int depth)
    {
        // Depth guard mirrors the formatter's: anything deeper is cut there and never written.
        if (depth > 10)
        {
            return value;
        }

        switch (value)
        {
            case ScalarValue { Value: string s }:
                var masked = RedactText(s);
                return ReferenceEquals(masked, s) ? value : new ScalarValue(masked);
            case StructureValue structure:
                return RedactStructure(structure, depth);
            case SequenceValue sequence:
                LogEventPropertyValue[]? items = null;
                for (var i = 0; i < sequence.Elements.Count; i++)
                {
                    var item = RedactValue(sequence.Elements[i], depth + 1);
                    if (!ReferenceEquals(item, sequence.Elements[i]))
                    {
                        items ??= [.. sequence.Elements];
                        items[i] = item;
                    }
                }

                return items is null ? value : new SequenceValue(items);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.ToArray();
                var changed = false;
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = entries[i].Key.Value?.ToString() ?? string.Empty;
                    var item = IsSensitiveName(key) ? _mask : RedactValue(entries[i].Value, depth + 1);
                    if (!ReferenceEquals(item, entries[i].Value))
                    {
                        entries[i] = new(entries[i].Key, item);
                        changed = true;
                    }
                }

                return changed ? new DictionaryValue(entries) : value;
            default:
                return value;
        }
    }

    private StructureValue RedactStructure(StructureValue structure, int depth)
    {
        LogEventProperty[]? members = null;
        for (var i = 0; i < structure.Properties.Count; i++)
        {
            var member = structure.Properties[i];
            var item = IsSensitiveName(member.Name) ? _mask : RedactValue(member.Value, depth + 1);
            if (!ReferenceEquals(item, member.Value))
            {
                members ??= [.. structure.Properties];
                members[i] = new LogEventProperty(member.Name, item);
            }
        }

        return members is null ? structure : new StructureValue(members, structure.TypeTag);
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    private static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();
}
