using Quartz;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>Reads and validates one rule mapping.</summary>
internal static class RuleReader
{
    public static AlertRule Read(YamlFieldReader r)
    {
        var name = r.String("name", required: true) ?? "";
        if (name.Length > 0 && !RuleLoader.NamePattern().IsMatch(name))
        {
            r.Error(r.Raw("name"), "name", $"'{name}' may use only letters, digits, '.', '_' and '-' (at most 100)");
        }

        var type = r.Enum("type", RuleLoader.TypeNames, required: true) ?? RuleType.Query;
        var services = r.StringList("services");
        var window = r.Duration("window", allowZero: false);
        var (interval, cron) = ReadSchedule(r);
        var condition = r.Enum("condition", RuleLoader.ConditionNames)
            ?? (type == RuleType.Absence ? Comparison.Below : Comparison.Above);
        var threshold = r.Double("threshold", required: type != RuleType.Absence) ?? (type == RuleType.Absence ? 1 : 0);
        var resolve = r.Double("resolve_threshold");
        if (resolve is { } rt && (condition == Comparison.Above ? rt > threshold : rt < threshold))
        {
            r.Error(r.Raw("resolve_threshold"), "resolve_threshold",
                $"must be on the good side of the threshold ({(condition == Comparison.Above ? "<=" : ">=")} {threshold})");
        }

        var receivers = r.StringList("receivers");
        if (receivers.Count == 0)
        {
            r.Error(r.Raw("receivers"), "receivers", "needs at least one team name or email address");
        }

        if (type == RuleType.Absence && services.Count == 0)
        {
            r.Error(r.Raw("services"), "services", "absence rules must name the services expected to log");
        }

        var rule = new AlertRule
        {
            Name = name,
            Type = type,
            Description = r.String("description"),
            Services = services,
            Environment = r.String("environment") ?? "*",
            Window = window ?? TimeSpan.FromMinutes(5),
            IngestDelay = r.Duration("ingest_delay") ?? TimeSpan.Zero,
            Interval = interval ?? TimeSpan.FromMinutes(1),
            Cron = cron,
            Threshold = threshold,
            ResolveThreshold = resolve,
            Condition = condition,
            For = r.Duration("for") ?? TimeSpan.Zero,
            RepeatInterval = r.Duration("repeat_interval", allowZero: false) ?? TimeSpan.FromHours(4),
            EscalateAfter = r.Duration("escalate_after", allowZero: false),
            Severity = r.Enum("severity", RuleLoader.SeverityNames) ?? Severity.Warning,
            Receivers = receivers,
            Labels = r.Map("labels"),
            GroupBy = r.StringList("group_by"),
            TopN = r.Int("top_n", 1, 50) ?? 5,
            SourceFile = r.File,
            SourceLine = r.Line,
        };
        return ReadTypeFields(r, rule);
    }

    private static (TimeSpan? Interval, string? Cron) ReadSchedule(YamlFieldReader r)
    {
        var text = r.String("schedule");
        if (text is null)
        {
            return (null, null);
        }

        if (Durations.TryParse(text, out var interval))
        {
            if (interval < TimeSpan.FromSeconds(1))
            {
                r.Error(r.Raw("schedule"), "schedule", "an interval must be at least 1s");
            }

            return (interval, null);
        }

        if (!CronExpression.TryParse(text, out _))
        {
            r.Error(r.Raw("schedule"), "schedule",
                $"'{text}' is neither an interval (10s, 1m) nor a Quartz cron expression (e.g. '0 */5 * * * ?')");
            return (null, null);
        }

        return (null, text);
    }

    private static AlertRule ReadTypeFields(YamlFieldReader r, AlertRule rule)
    {
        switch (rule.Type)
        {
            case RuleType.HttpStatus:
                var codes = new List<StatusCodeRange>();
                foreach (var text in r.StringList("codes"))
                {
                    if (StatusCodeRange.TryParse(text, out var range))
                    {
                        codes.Add(range);
                    }
                    else
                    {
                        r.Error(r.Raw("codes"), "codes", $"'{text}' is not a status code, class (4xx, 5xx) or range (500-504)");
                    }
                }

                var measure = r.Enum("measure", RuleLoader.MeasureNames) ?? HttpStatusMeasure.Ratio;
                if (measure == HttpStatusMeasure.Ratio && rule.Threshold is < 0 or > 100)
                {
                    r.Error(r.Raw("threshold"), "threshold", "a ratio threshold is a percentage from 0 to 100");
                }

                return rule with
                {
                    StatusCodes = codes.Count > 0 ? codes : rule.StatusCodes,
                    Measure = measure,
                    MinRequests = r.Int("min_requests", 0, int.MaxValue) ?? 1,
                };
            case RuleType.Exception:
                return rule with
                {
                    ErrorTypes = r.StringList("error_types"),
                    NewTypesOnly = r.Bool("new_types_only") ?? false,
                    NewTypeLookback = r.Duration("new_type_lookback", allowZero: false) ?? TimeSpan.FromDays(7),
                };
            case RuleType.Query:
                var query = r.String("query", required: true);
                var metric = r.String("metric") ?? "count";
                if (metric != "count" && !(metric.StartsWith("cardinality:", StringComparison.Ordinal) && metric.Length > 12))
                {
                    r.Error(r.Raw("metric"), "metric", $"'{metric}' must be 'count' or 'cardinality:FIELD'");
                }

                return rule with { Query = query, Metric = metric };
            default:
                return rule;
        }
    }
}
