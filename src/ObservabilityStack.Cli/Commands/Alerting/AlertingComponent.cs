using ObservabilityStack.Cli.Commands.Stack.Up;
using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli.Commands.Alerting;

/// <summary>The alert engine inside <c>obs up</c>: starter rules, .eml files in the outbox unless <c>--smtp</c>.</summary>
internal sealed class AlertingComponent : IStackComponent
{
    private readonly CliEnvironment _environment;

    /// <summary>Creates the component.</summary>
    public AlertingComponent(CliEnvironment environment) => _environment = environment;

    /// <inheritdoc/>
    public string Name => "alerting";

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> StartAsync(StackContext context, CancellationToken cancellationToken)
    {
        var files = new AlertingFiles(_environment);
        var options = RunCommand.BuildOptions(_environment, files.FindRules(null), files.FindOnCall(null), context.Smtp, startTls: false,
            context.Smtp is null ? context.Outbox : null, Path.Combine(context.DataDirectory, "alerting"));
        options.Elasticsearch = context.Elasticsearch;
        options.Urls = "http://127.0.0.1:0";
        var host = await RunCommand.StartAsync(options, cancellationToken);
        context.Report(Name, $"{host.Url}health", $"{host.Services.GetRuleCount()} rules, mail {RunCommand.Describe(options.Mail)}");
        return host;
    }
}
