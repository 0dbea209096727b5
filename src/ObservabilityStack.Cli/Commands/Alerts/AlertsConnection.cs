using System.CommandLine;
using ObservabilityStack.Alerting;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Cli.Commands.Alerting;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;

namespace ObservabilityStack.Cli.Commands.Alerts;

/// <summary>What every <c>obs alerts</c> command needs: the rules file and the Elasticsearch holding alert state.</summary>
internal sealed class AlertsConnection : ICommandFeature
{
    private readonly AlertingFiles _files;
    private readonly ElasticsearchConnectionFeature _connection;

    /// <summary>Creates the feature.</summary>
    public AlertsConnection(CliEnvironment environment)
    {
        _files = new AlertingFiles(environment);
        _connection = new ElasticsearchConnectionFeature(environment, "Elasticsearch holding the alert state (default http://127.0.0.1:9200).");
    }

    /// <inheritdoc/>
    public IEnumerable<Option> Options => _files.Options.Concat(_connection.Options);

    /// <summary>Opens an admin over the cluster with the rules loaded; the caller disposes both.</summary>
    public (ElasticsearchConnection Connection, AlertsAdmin Admin) Open(ParseResult parseResult, bool needRules = true)
    {
        var rules = needRules ? _files.LoadRules(parseResult) : RuleSet.Empty;
        var connection = _connection.Connect(parseResult);
        return (connection, new AlertsAdmin(connection.Client, rules));
    }

    /// <summary>Runs an admin call, turning its failures into clear CLI errors.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ElasticsearchUnavailableException e)
        {
            throw new CliException($"Elasticsearch did not answer: {e.Message}", ExitCodes.Unavailable, e);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message.Split(" (Parameter", 2)[0], ExitCodes.Usage, e);
        }
    }
}
