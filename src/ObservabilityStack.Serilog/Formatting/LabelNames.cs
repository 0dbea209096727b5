using System.Collections.Concurrent;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>Turns template property names into ECS label keys: <c>CorrelationId</c> → <c>correlation_id</c>.</summary>
internal static class LabelNames
{
    private const int CacheLimit = 4096;

    // Bounded for the same reason as the redactor's name cache: names are few, unless a service invents them.
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string ToLabelKey(string propertyName)
    {
        if (Cache.TryGetValue(propertyName, out var key))
        {
            return key;
        }

        key = Convert(propertyName);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(propertyName, key);
        }

        return key;
    }

    private static string Convert(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                // Dots would nest the label into an object in Elasticsearch; ECS labels are flat keywords.
                builder.Append(c is '.' or ' ' or '-' ? '_' : c);
            }
        }

        return builder.ToString();
    }
}
