using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>
/// The terms aggregation's <c>include</c>/<c>exclude</c>: exact value lists, regular expressions (strings only),
/// or <c>{"partition","num_partitions"}</c> hashed like Elasticsearch (murmur3 for strings, mix64 for numbers).
/// </summary>
internal sealed class IncludeExclude
{
    private readonly JsonElement? _include;
    private readonly JsonElement? _exclude;
    private readonly Regex? _includeRegex;
    private readonly Regex? _excludeRegex;
    private readonly int _partition = -1, _partitions;
    private ResolvedField? _convertedFor;
    private HashSet<double>? _includeNumbers, _excludeNumbers;

    public IncludeExclude(JsonElement body, string name)
    {
        if (body.TryGetProperty("include", out var include))
        {
            if (include.ValueKind == JsonValueKind.Object)
            {
                _partition = include.GetProperty("partition").GetInt32();
                _partitions = include.GetProperty("num_partitions").GetInt32();
            }
            else if (include.ValueKind == JsonValueKind.String)
            {
                _includeRegex = new Regex("^(?:" + include.GetString() + ")$", RegexOptions.CultureInvariant);
            }
            else
            {
                _include = include;
            }
        }

        if (body.TryGetProperty("exclude", out var exclude))
        {
            if (exclude.ValueKind == JsonValueKind.String)
            {
                _excludeRegex = new Regex("^(?:" + exclude.GetString() + ")$", RegexOptions.CultureInvariant);
            }
            else
            {
                _exclude = exclude;
            }
        }

        Name = name;
    }

    private string Name { get; }

    /// <summary>True when include or exclude is a regular expression.</summary>
    public bool HasRegex => _includeRegex is not null || _excludeRegex is not null;

    /// <summary>Rejects regular expressions on fields that are not strings (numbers, dates, ip).</summary>
    public void RequireNoRegex(string? mappedType)
    {
        if (HasRegex && mappedType is not null && mappedType is not ("keyword" or "constant_keyword" or "wildcard" or "text"))
        {
            throw RegexError();
        }
    }

    // Elasticsearch raises an AggregationExecutionException here, which it answers with status 500.
    private EmulatorException RegexError() => new(500, "aggregation_execution_exception",
        $"Aggregation [{Name}] cannot support regular expression style include/exclude settings as they can only be applied to string fields. Use an array of values for include/exclude clauses");

    /// <summary>True when a string term passes.</summary>
    public bool Accepts(string term)
    {
        if (_includeRegex is not null && !_includeRegex.IsMatch(term))
        {
            return false;
        }

        if (_excludeRegex is not null && _excludeRegex.IsMatch(term))
        {
            return false;
        }

        if (_partition >= 0)
        {
            var hash = Murmur3(Encoding.UTF8.GetBytes(term), 31);
            return (int)(((hash % _partitions) + _partitions) % _partitions) == _partition;
        }

        return (_include is null || Contains(_include.Value, term)) && (_exclude is null || !Contains(_exclude.Value, term));
    }

    /// <summary>True when a numeric term passes (values in lists are parsed per the field's type).</summary>
    public bool Accepts(double term, ResolvedField field)
    {
        if (HasRegex)
        {
            throw RegexError();
        }

        if (_partition >= 0)
        {
            var mixed = Mix64(field.Kind == FieldKind.Double ? BitConverter.DoubleToInt64Bits(term) : (long)term);
            return (int)(((mixed % _partitions) + _partitions) % _partitions) == _partition;
        }

        if (!ReferenceEquals(field, _convertedFor))
        {
            _convertedFor = field;
            _includeNumbers = Numbers(_include, field);
            _excludeNumbers = Numbers(_exclude, field);
        }

        return (_includeNumbers is null || _includeNumbers.Contains(term)) && (_excludeNumbers is null || !_excludeNumbers.Contains(term));
    }

    private static HashSet<double>? Numbers(JsonElement? list, ResolvedField field)
    {
        if (list is not { } values)
        {
            return null;
        }

        var set = new HashSet<double>();
        foreach (var value in values.EnumerateArray())
        {
            if (field.TryNumber(value, out var number))
            {
                set.Add(number);
            }
        }

        return set;
    }

    private static bool Contains(JsonElement list, string term)
    {
        foreach (var value in list.EnumerateArray())
        {
            if (ResolvedField.AsString(value) == term)
            {
                return true;
            }
        }

        return false;
    }

    // HPPC's BitMixer.mix64, which Elasticsearch uses to partition numeric terms.
    private static long Mix64(long k)
    {
        var z = (ulong)k;
        z = (z ^ (z >> 32)) * 0x4cd6944c5cc20b6dUL;
        z = (z ^ (z >> 29)) * 0xfc12c5b19d3259e9UL;
        return (long)(z ^ (z >> 32));
    }

    // Lucene's StringHelper.murmurhash3_x86_32.
    private static int Murmur3(byte[] data, int seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        var h1 = (uint)seed;
        var roundedEnd = data.Length & ~3;
        for (var i = 0; i < roundedEnd; i += 4)
        {
            var k1 = (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            k1 = uint.RotateLeft(k1 * c1, 15) * c2;
            h1 ^= k1;
            h1 = (uint.RotateLeft(h1, 13) * 5) + 0xe6546b64;
        }

        uint tail = 0;
        switch (data.Length & 3)
        {
            case 3:
                tail = (uint)(data[roundedEnd + 2] << 16);
                goto case 2;
            case 2:
                tail |= (uint)(data[roundedEnd + 1] << 8);
                goto case 1;
            case 1:
                tail |= data[roundedEnd];
                h1 ^= uint.RotateLeft(tail * c1, 15) * c2;
                break;
        }

        h1 ^= (uint)data.Length;
        h1 ^= h1 >> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >> 16;
        return (int)h1;
    }
}
