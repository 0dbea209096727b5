using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Elasticsearch;
using Quartz;

namespace ObservabilityStack.Alerting;

/// <summary>Registers the alert engine: rules, Quartz jobs, state in Elasticsearch, on-call routing and email.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>Adds the engine and its hosted services (scheduler and outbox delivery).</summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, AlertingOptions options)
    {
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(_ => new ElasticsearchClient(options.Elasticsearch));
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ObservabilityStack.Alerting.Rules");
            if (options.Rules is not null)
            {
                return new RuleSetProvider(options.Rules, logger);
            }

            var provider = new RuleSetProvider(options.RulesFile, logger);
            provider.StartWatching();
            return provider;
        });
        services.AddSingleton(_ => new OnCallRouter(options.OnCall));
        services.AddSingleton<IAlertStateStore>(sp => new ElasticsearchAlertStateStore(sp.GetRequiredService<ElasticsearchClient>(),
            options.StoreNames, sp.GetRequiredService<ILogger<ElasticsearchAlertStateStore>>()));
        services.AddSingleton<InhibitionIndex>();
        services.AddSingleton(sp => new AlertMutes(sp.GetRequiredService<IAlertStateStore>(), () => sp.GetRequiredService<RuleSetProvider>().Current,
            sp.GetRequiredService<InhibitionIndex>()));
        services.AddSingleton<IRuleEvaluator>(sp => new ElasticsearchRuleEvaluator(sp.GetRequiredService<ElasticsearchClient>()));
        services.AddSingleton(_ => new DiskOutbox(Path.Combine(options.DataDirectory, "queue"), options.Clock) { GroupWait = options.GroupWait });
        services.AddSingleton<IMailTransport>(_ => new SmtpMailTransport(options.Mail));
        services.AddSingleton(sp => new NotificationDispatcher(sp.GetRequiredService<OnCallRouter>(), sp.GetRequiredService<DiskOutbox>(),
            options.KibanaUrl, SelfReceivers(options), options.Clock, sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        services.AddSingleton<INotificationSink>(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<EngineHealth>();
        services.AddSingleton(sp => new SelfMonitor(sp.GetRequiredService<INotificationSink>(), sp.GetRequiredService<IAlertStateStore>(),
            options.Clock, SelfReceivers(options), sp.GetRequiredService<ILogger<SelfMonitor>>()) { Threshold = options.SelfAlertThreshold });
        services.AddSingleton(sp => new RuleRunner(sp.GetRequiredService<IRuleEvaluator>(), sp.GetRequiredService<IAlertStateStore>(),
            sp.GetRequiredService<INotificationSink>(), sp.GetRequiredService<AlertMutes>(), options.Clock,
            sp.GetRequiredService<ILogger<RuleRunner>>())
        {
            Instance = options.InstanceId,
            DefaultEscalateAfter = options.OnCall().EscalateAfter,
        });
        services.AddTransient<RuleEvaluationJob>();
        services.AddQuartz(q => q.UseDefaultThreadPool(options.MaxConcurrentRuns));
        services.AddSingleton(sp => new RuleScheduler(sp.GetRequiredService<ISchedulerFactory>(), sp.GetRequiredService<RuleSetProvider>(),
            sp.GetRequiredService<IAlertStateStore>(), sp.GetRequiredService<EngineHealth>(), sp.GetRequiredService<RuleRunner>(),
            sp.GetRequiredService<ILogger<RuleScheduler>>())
        {
            MisfireThreshold = options.MisfireThreshold,
        });
        services.AddHostedService(sp => sp.GetRequiredService<RuleScheduler>());
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }

    private static IReadOnlyList<string> SelfReceivers(AlertingOptions options) =>
        options.SelfAlertReceivers.Count > 0 ? options.SelfAlertReceivers : options.OnCall().Teams.Select(t => t.Name).ToList();
}
