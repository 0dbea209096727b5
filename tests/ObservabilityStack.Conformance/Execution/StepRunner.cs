using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Assertions;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>Runs a list of steps in order, naming the failing step in the message.</summary>
public sealed class StepRunner
{
    private readonly DoStep _do;

    /// <summary>Creates the runner over a <c>do</c> executor.</summary>
    public StepRunner(DoStep doStep) => _do = doStep;

    /// <summary>Runs the steps after any leading <c>skip</c>/<c>requires</c>; throws <see cref="StepFailedException"/>.</summary>
    public async Task RunAsync(string section, IReadOnlyList<JsonObject> steps, Stash stash, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (Prerequisites.IsPrerequisite(step))
            {
                continue;
            }

            var (kind, argument) = step.First();
            try
            {
                if (kind == "do")
                {
                    await _do.RunAsync(argument, stash, cancellationToken).ConfigureAwait(false);
                }
                else if (AssertionRunner.Handled.Contains(kind))
                {
                    AssertionRunner.Run(kind, argument, stash);
                }
                else
                {
                    throw new StepFailedException($"unsupported step '{kind}'");
                }
            }
            catch (StepFailedException e)
            {
                throw new StepFailedException($"{section} step {i + 1} ({kind}): {e.Message}", e);
            }
        }
    }
}
