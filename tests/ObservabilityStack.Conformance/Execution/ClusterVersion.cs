using System.Globalization;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>A three-part Elasticsearch version, compared numerically.</summary>
public readonly record struct ClusterVersion(int Major, int Minor, int Patch) : IComparable<ClusterVersion>
{
    /// <summary>Lowest possible version (open lower bound of a range).</summary>
    public static readonly ClusterVersion Min = new(0, 0, 0);

    /// <summary>Highest possible version (open upper bound of a range).</summary>
    public static readonly ClusterVersion Max = new(int.MaxValue, int.MaxValue, int.MaxValue);

    /// <summary>Parses <c>9.1.0</c>, <c>8.15</c> or <c>9.0.0-SNAPSHOT</c>.</summary>
    public static bool TryParse(string? text, out ClusterVersion version)
    {
        version = Min;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var core = text.Trim().Split('-', 2)[0].Split('.');
        var numbers = new int[3];
        for (var i = 0; i < core.Length && i < 3; i++)
        {
            if (!int.TryParse(core[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new ClusterVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(ClusterVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    /// <summary>True when this version is at least <paramref name="other"/>.</summary>
    public bool AtLeast(ClusterVersion other) => CompareTo(other) >= 0;

    /// <summary>True when <c>"a - b, c - d"</c> (or <c>all</c>) contains this version; false for text it cannot read.</summary>
    public bool InRanges(string ranges)
    {
        foreach (var range in ranges.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (range.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var bounds = range.Split(" - ", 2);
            if (bounds.Length != 2)
            {
                bounds = range.Split('-', 2);
            }

            if (bounds.Length != 2)
            {
                continue;
            }

            var lower = bounds[0].Trim().Length == 0 ? Min : TryParse(bounds[0], out var l) ? l : Max;
            var upper = bounds[1].Trim().Length == 0 ? Max : TryParse(bounds[1], out var u) ? u : Min;
            if (AtLeast(lower) && upper.AtLeast(this))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    /// <summary>Operator form of <see cref="CompareTo"/>.</summary>
    public static bool operator <(ClusterVersion left, ClusterVersion right) => left.CompareTo(right) < 0;

    /// <summary>Operator form of <see cref="CompareTo"/>.</summary>
    public static bool operator >(ClusterVersion left, ClusterVersion right) => left.CompareTo(right) > 0;

    /// <summary>Operator form of <see cref="CompareTo"/>.</summary>
    public static bool operator <=(ClusterVersion left, ClusterVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Operator form of <see cref="CompareTo"/>.</summary>
    public static bool operator >=(ClusterVersion left, ClusterVersion right) => left.CompareTo(right) >= 0;
}
