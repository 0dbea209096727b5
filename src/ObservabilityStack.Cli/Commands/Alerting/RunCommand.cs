using System.CommandLine;
using System.Globalization;
using ObservabilityStack.Alerting;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Cli.Commands.Stack;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Alerting;

/// <summary><c>obs alerting</c>: runs the alert engine until Ctrl+C.</summary>
internal sealed class RunCommand : CommandDefinition
{
    private readonly AlertingFiles _files;
    private readonly ElasticsearchConnectionFeature _connection;
    private readonly Option<string?> _smtp;
    private readonly Option<bool> _startTls;
    private readonly Option<string?> _outbox;
    private readonly Option<string?> _kibana;
    private readonly Option<string?> _data;
    private readonly Option<string?> _urls;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "alerting", "Run the alert engine: evaluate rules on schedule and email on-call staff until Ctrl+C.")
    {
        _files = Enable(new AlertingFiles(environment));
        _connection = Enable(new ElasticsearchConnectionFeature(environment, "Elasticsearch to query and keep alert state in (default http://127.0.0.1:9200)."));
        _smtp = Add(new Option<string?>("--smtp") { Description = "Send emails through this SMTP server; user/password from OBS_SMTP_USERNAME/OBS_SMTP_PASSWORD.", HelpName = "HOST:PORT" });
        _startTls = Add(new Option<bool>("--smtp-starttls") { Description = "Use STARTTLS with the SMTP server." });
        _outbox = Add(new Option<string?>("--outbox") { Description = "Write emails as .eml files into this directory (default ./data/outbox).", HelpName = "DIR" });
        _kibana = Add(new Option<string?>("--kibana") { Description = "Kibana base URL for Discover links in emails.", HelpName = "URL" });
        _data = Add(new Option<string?>("--data") { Description = "Directory for the persistent mail queue (default ./data/alerting).", HelpName = "DIR" });
        _urls = Add(new Option<string?>("--urls")
        {
            Description = "Where /health listens.",
            HelpName = "URL",
            DefaultValueFactory = _ => "http://127.0.0.1:9400",
        });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var rules = _files.RulesPath(parseResult);
        var onCall = _files.OnCallPath(parseResult);
        var options = BuildOptions(Environment, rules, onCall, parseResult.GetValue(_smtp), parseResult.GetValue(_startTls),
            parseResult.GetValue(_outbox), parseResult.GetValue(_data) ?? Path.Combine("data", "alerting"));
        options.Elasticsearch = _connection.GetClientOptions(parseResult, _connection.GetExplicitUrl(parseResult) ?? ElasticsearchConnectionFeature.DefaultUrl);
        options.KibanaUrl = parseResult.GetValue(_kibana) is { } k ? new Uri(k) : null;
        options.Urls = parseResult.GetValue(_urls);
        await using var host = await StartAsync(options, cancellationToken);
        Output.MarkupLineInterpolated($"Alert engine running: [bold]{host.Services.GetRuleCount()}[/] rules from {rules}, health at {host.Url}health, mail {Describe(options.Mail)}. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop.
        }

        Output.MarkupLine("Alert engine stopped.");
        return ExitCodes.Ok;
    }

    /// <summary>Options shared by <c>obs alerting</c> and <c>obs up</c>, with <c>--smtp</c>/<c>--outbox</c> checked.</summary>
    public static AlertingOptions BuildOptions(CliEnvironment environment, string rules, string? onCall, string? smtp, bool startTls,
        string? outbox, string data)
    {
        if (smtp is not null && outbox is not null)
        {
            throw new CliException("--smtp and --outbox exclude each other: pick one place for alert emails.", ExitCodes.Usage);
        }

        if (smtp is not null && !SmtpAddress.IsValid(smtp))
        {
            throw new CliException($"--smtp '{smtp}' is not HOST:PORT (for example 127.0.0.1:1025).", ExitCodes.Usage);
        }

        var mail = smtp is null
            ? new MailOptions { PickupDirectory = environment.ResolvePath(outbox ?? Path.Combine("data", "outbox")) }
            : new MailOptions
            {
                SmtpHost = smtp[..smtp.LastIndexOf(':')],
                SmtpPort = int.Parse(smtp[(smtp.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture),
                StartTls = startTls,
            };
        return new AlertingOptions
        {
            RulesFile = rules,
            OnCallFile = onCall,
            OnCallConfig = onCall is null ? OnCallConfig.Empty : null,
            Mail = mail,
            DataDirectory = environment.ResolvePath(data),
        };
    }

    /// <summary>Starts the engine, turning rule and on-call file errors into a clear message.</summary>
    public static async Task<AlertingHost> StartAsync(AlertingOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await AlertingHost.StartAsync(options, cancellationToken);
        }
        catch (RuleLoadException e)
        {
            throw new CliException($"The alerting configuration has errors:{System.Environment.NewLine}{e.Message}", ExitCodes.Usage, e);
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{options.Urls} is in use; pass --urls with a free address (port 0 picks one).", ExitCodes.Failure, e);
        }
    }

    /// <summary>Where mail goes, in words.</summary>
    public static string Describe(MailOptions mail) =>
        mail.SmtpHost is null ? $"as .eml files in {mail.PickupDirectory}" : $"via SMTP {mail.SmtpHost}:{mail.SmtpPort}";
}
