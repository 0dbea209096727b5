using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>
/// Loads and validates a rules file. Every problem is reported with file, line, column and field;
/// nothing half-valid is returned.
/// </summary>
public static partial class RuleLoader
{
    private static readonly Dictionary<string, RuleType> Types = new(StringComparer.Ordinal)
    {
        ["http_status"] = RuleType.HttpStatus,
        ["request_rate"] = RuleType.RequestRate,
        ["exception"] = RuleType.Exception,
        ["absence"] = RuleType.Absence,
        ["query"] = RuleType.Query,
    };

    private static readonly Dictionary<string, Severity> Severities = new(StringComparer.Ordinal)
    {
        ["info"] = Severity.Info,
        ["warning"] = Severity.Warning,
        ["critical"] = Severity.Critical,
    };

    private static readonly Dictionary<string, Comparison> Conditions = new(StringComparer.Ordinal)
    {
        ["above"] = Comparison.Above,
        ["below"] = Comparison.Below,
    };

    private static readonly Dictionary<string, HttpStatusMeasure> Measures = new(StringComparer.Ordinal)
    {
        ["ratio"] = HttpStatusMeasure.Ratio,
        ["count"] = HttpStatusMeasure.Count,
    };

    /// <summary>Loads a rules file. Throws <see cref="RuleLoadException"/> listing every problem.</summary>
    public static RuleSet Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleLoadException([new RuleError(path, 0, 0, "(file)", $"cannot be read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses rules from YAML text; <paramref name="file"/> names the source in errors.</summary>
    public static RuleSet Parse(string yaml, string file)
    {
        var errors = new List<RuleError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RuleLoadException([new RuleError(file, (int)e.Start.Line, (int)e.Start.Column, "(syntax)",
                e.InnerException?.Message ?? e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RuleLoadException([new RuleError(file, 1, 1, "(root)", "must be a mapping with a 'rules' list")]);
        }

        var top = new YamlFieldReader(root, "", file, errors);
        var rules = new List<AlertRule>();
        ReadList(top, "rules", errors, file, (reader, _) => rules.Add(RuleReader.Read(reader)), required: true);
        var silences = new List<Silence>();
        ReadList(top, "silences", errors, file, (reader, index) => silences.Add(SilenceReader.ReadSilence(reader, index)));
        var windows = new List<MaintenanceWindow>();
        ReadList(top, "maintenance", errors, file, (reader, _) => windows.Add(SilenceReader.ReadWindow(reader)));
        top.RejectUnknownKeys();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Name.Length > 0 && !seen.Add(rule.Name))
            {
                errors.Add(new RuleError(file, rule.SourceLine, 1, "name", $"rule name '{rule.Name}' is used twice"));
            }
        }

        if (errors.Count > 0)
        {
            throw new RuleLoadException(errors);
        }

        return new RuleSet { Rules = rules, Silences = silences, MaintenanceWindows = windows };
    }

    private static void ReadList(YamlFieldReader top, string key, List<RuleError> errors, string file,
        Action<YamlFieldReader, int> read, bool required = false)
    {
        var node = top.Raw(key);
        if (node is null)
        {
            if (required)
            {
                top.Error(null, key, "is required (a list of rules)");
            }

            return;
        }

        if (node is not YamlSequenceNode sequence)
        {
            top.Error(node, key, "must be a list");
            return;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                top.Error(sequence.Children[i], $"{key}[{i}]", "must be a mapping");
                continue;
            }

            var reader = new YamlFieldReader(item, $"{key}[{i}]", file, errors);
            read(reader, i);
            reader.RejectUnknownKeys();
        }
    }

    internal static IReadOnlyDictionary<string, RuleType> TypeNames => Types;

    internal static IReadOnlyDictionary<string, Severity> SeverityNames => Severities;

    internal static IReadOnlyDictionary<string, Comparison> ConditionNames => Conditions;

    internal static IReadOnlyDictionary<string, HttpStatusMeasure> MeasureNames => Measures;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    internal static partial Regex NamePattern();
}
