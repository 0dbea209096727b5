using ObservabilityStack.Elasticsearch.Provisioning;
using Spectre.Console;

namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>Shows a bootstrap plan as a table, applies it with a progress bar, and summarises.</summary>
internal sealed class PlanRenderer
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates a renderer writing to <paramref name="console"/>.</summary>
    public PlanRenderer(IAnsiConsole console)
    {
        _console = console;
    }

    /// <summary>One row per object: kind, name, action, why.</summary>
    public void Table(BootstrapPlan plan)
    {
        var table = new Table().AddColumns("kind", "name", "action", "detail");
        table.Title = new TableTitle($"Bootstrap plan for Elasticsearch {Markup.Escape(plan.Cluster.Version)} ({Markup.Escape(plan.Cluster.Name)})");
        foreach (var step in plan.Steps)
        {
            table.AddRow(Markup.Escape(step.Kind), Markup.Escape(step.Name), Action(step.Action), Markup.Escape(step.Detail));
        }

        _console.Write(table);
    }

    /// <summary>Applies the plan; a live progress bar on terminals, one line per change otherwise.</summary>
    public async Task ApplyWithProgressAsync(BootstrapPlan plan, CancellationToken cancellationToken)
    {
        if (!_console.Profile.Capabilities.Interactive)
        {
            await plan.ApplyAsync(new InlineProgress<PlanStep>(step =>
            {
                if (step.IsChange)
                {
                    _console.MarkupLine($"  {Action(step.Action)} {Markup.Escape(step.Kind)} {Markup.Escape(step.Name)}");
                }
            }), cancellationToken);
            return;
        }

        await _console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Applying", maxValue: Math.Max(1, plan.ChangeCount));
            await plan.ApplyAsync(new InlineProgress<PlanStep>(step =>
            {
                if (step.IsChange)
                {
                    task.Description = $"{step.Kind} {Markup.Escape(step.Name)}";
                    task.Increment(1);
                }
            }), cancellationToken);
            task.Value = task.MaxValue;
        });
    }

    /// <summary>Counts per action, then any outcome notes (such as where API keys were written).</summary>
    public void Summary(BootstrapPlan plan, bool applied)
    {
        int Count(PlanAction a) => plan.Steps.Count(s => s.Action == a);
        var verb = applied ? "Bootstrap done" : "Dry run, nothing changed";
        var (created, updated) = applied ? ("created", "updated") : ("to create", "to update");
        _console.MarkupLine($"{verb}: {Count(PlanAction.Create)} {created}, {Count(PlanAction.Update)} {updated}, " +
            $"{Count(PlanAction.Unchanged)} unchanged, {Count(PlanAction.Skip)} skipped (Elasticsearch {Markup.Escape(plan.Cluster.Version)} at {Markup.Escape(plan.Cluster.Name)}).");
        foreach (var step in plan.Steps.Where(s => s.Outcome is not null))
        {
            _console.MarkupLine($"  {Markup.Escape(step.Kind)} {Markup.Escape(step.Name)}: {Markup.Escape(step.Outcome!)}");
        }
    }

    private static string Action(PlanAction action) => action switch
    {
        PlanAction.Create => "[green]create[/]",
        PlanAction.Update => "[yellow]update[/]",
        PlanAction.Unchanged => "[grey]unchanged[/]",
        _ => "[grey]skip[/]",
    };
}
