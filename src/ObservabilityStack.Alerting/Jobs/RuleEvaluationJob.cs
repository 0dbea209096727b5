using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using Quartz;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// The Quartz job of one rule (the job key's name is the rule name). Never two runs of one rule at
/// once. An Elasticsearch failure is retried a few times within the run, then counted and reported;
/// repeated failures raise a self-alert; the next scheduled run tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RuleEvaluationJob : IJob
{
    private readonly RuleSetProvider _rules;
    private readonly RuleRunner _runner;
    private readonly EngineHealth _health;
    private readonly SelfMonitor _self;
    private readonly ILogger<RuleEvaluationJob> _logger;

    /// <summary>Created by Quartz through dependency injection.</summary>
    public RuleEvaluationJob(RuleSetProvider rules, RuleRunner runner, EngineHealth health, SelfMonitor self, ILogger<RuleEvaluationJob> logger)
    {
        _rules = rules;
        _runner = runner;
        _health = health;
        _self = self;
        _logger = logger;
    }

    /// <summary>Delays between attempts within one run. Default 200 ms, then 1 s.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    /// <inheritdoc/>
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.ScheduledFireTimeUtc is { } scheduled)
        {
            _health.RecordLag(context.FireTimeUtc - scheduled);
        }

        var rule = _rules.Current.Find(context.JobDetail.Key.Name);
        return rule is null ? ValueTask.CompletedTask : new ValueTask(RunAsync(rule, cancellationToken));
    }

    /// <summary>Runs one rule with retries; what the job does, callable without Quartz.</summary>
    public async Task RunAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var report = await _runner.RunAsync(rule, cancellationToken).ConfigureAwait(false);
                _health.RunSucceeded(report.Conflicts, report.Notifications);
                await _self.StoreRecoveredAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ElasticsearchUnavailableException e) when (attempt < RetryDelays.Count)
            {
                _health.Retried();
                _logger.LogWarning("Rule {Rule}: {Reason}; retrying", rule.Name, e.Message);
                await Task.Delay(RetryDelays[attempt], cancellationToken).ConfigureAwait(false);
            }
            catch (ElasticsearchUnavailableException e)
            {
                var inARow = _health.RunFailed(e.Message);
                _logger.LogError("Rule {Rule} could not be evaluated ({InARow} failures in a row): {Reason}", rule.Name, inARow, e.Message);
                await _self.StoreFailedAsync(inARow, e.Message, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }
}
