using System.Text.Json.Nodes;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>Answers every evaluation with the values a test sets per group.</summary>
internal sealed class FakeEvaluator : IRuleEvaluator
{
    public Dictionary<string, double> Values { get; } = new();

    public bool Down { get; set; }

    public int Calls { get; private set; }

    public Task<RuleEvaluation> EvaluateAsync(AlertRule rule, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Calls++;
        if (Down)
        {
            throw new ElasticsearchUnavailableException("connection refused (test)");
        }

        var groups = Values.Select(v => new GroupResult
        {
            Key = v.Key,
            Fields = new Dictionary<string, string> { ["service.name"] = v.Key },
            Value = v.Value,
            Matched = (long)v.Value,
            Total = 100,
        }).ToList();
        var range = EvaluationRange.For(rule, at);
        return Task.FromResult(new RuleEvaluation
        {
            Rule = rule,
            At = at,
            Range = range,
            Groups = groups,
            Query = new RuleQuery("logs-*", new JsonObject(), "service.name:*"),
        });
    }
}
