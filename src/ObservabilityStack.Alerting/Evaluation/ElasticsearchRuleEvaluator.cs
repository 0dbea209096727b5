using System.Text;
using System.Text.Json;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>Evaluates rules with one aggregation search each against Elasticsearch (or the emulator).</summary>
public sealed class ElasticsearchRuleEvaluator : IRuleEvaluator
{
    private readonly ElasticsearchClient _client;

    /// <summary>Creates the evaluator over a shared client.</summary>
    public ElasticsearchRuleEvaluator(ElasticsearchClient client) => _client = client;

    /// <inheritdoc/>
    public async Task<RuleEvaluation> EvaluateAsync(AlertRule rule, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var range = EvaluationRange.For(rule, at);
        var query = RuleQueryBuilder.Build(rule, range);
        var response = await SendAsync(_client, HttpMethod.Post, query.Path, query.Body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        using var doc = response.ToJsonDocument();
        return new RuleEvaluation
        {
            Rule = rule,
            At = at,
            Range = range,
            Groups = RuleResultParser.Parse(rule, range, doc.RootElement),
            Query = query,
        };
    }

    /// <summary>Sends a request and turns transport failures and error answers into <see cref="ElasticsearchUnavailableException"/>.</summary>
    internal static async Task<ElasticsearchResponse> SendAsync(ElasticsearchClient client, HttpMethod method, string path, string? json,
        CancellationToken cancellationToken)
    {
        ElasticsearchResponse response;
        try
        {
            response = await client.SendJsonAsync(method, path, json, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch at {client.Options.Url} is unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch at {client.Options.Url} timed out", e);
        }

        if (!response.IsSuccess)
        {
            var body = Encoding.UTF8.GetString(response.Body.Span);
            throw new ElasticsearchUnavailableException(
                $"{method} {path} answered {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] : body)}");
        }

        return response;
    }

    internal static JsonElement Clone(ElasticsearchResponse response)
    {
        using var doc = response.ToJsonDocument();
        return doc.RootElement.Clone();
    }
}
