using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary><c>transform_and_set</c>: stashes a transformed value; upstream defines <c>#base64EncodeCredentials(id,key)</c>.</summary>
public static partial class StashTransforms
{
    /// <summary>Runs each <c>name: "#transform(args)"</c> entry.</summary>
    public static void Run(IEnumerable<KeyValuePair<string, JsonNode?>> entries, JsonNode? body, Stash stash)
    {
        foreach (var (name, spec) in entries)
        {
            var match = CallPattern().Match(JsonText.Scalar(spec));
            if (!match.Success || match.Groups[1].Value != "base64EncodeCredentials")
            {
                throw new StepFailedException($"transform_and_set: unsupported transformation '{JsonText.Scalar(spec)}'");
            }

            var args = match.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries);
            if (args.Length != 2)
            {
                throw new StepFailedException("transform_and_set: base64EncodeCredentials needs two paths");
            }

            var credentials = $"{JsonText.Scalar(ObjectPath.Evaluate(body, args[0], stash))}:{JsonText.Scalar(ObjectPath.Evaluate(body, args[1], stash))}";
            stash.Set(name, JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));
        }
    }

    [GeneratedRegex(@"^#(\w+)\((.*)\)$")]
    private static partial Regex CallPattern();
}
