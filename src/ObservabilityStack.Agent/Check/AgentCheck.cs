using System.Net;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Reading;
using ObservabilityStack.Agent.Shipping;
using ObservabilityStack.Agent.State;

namespace ObservabilityStack.Agent.Check;

/// <summary>
/// The pre-flight test of seed 002's <c>connection_test.py</c>, made precise: every file readable, the state
/// directory writable, the gateway reachable, and the key accepted, proven by sending one real event
/// (<c>event.action: agent.check</c>) through the same path the agent uses.
/// </summary>
public static class AgentCheck
{
    /// <summary>Runs every check; never throws for a failed check.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(AgentOptions options, HttpMessageHandler? handler = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<CheckResult>();
        foreach (var pattern in options.Files)
        {
            results.Add(CheckFiles(pattern));
        }

        results.Add(CheckStateDirectory(options.StateFile));
        results.Add(await CheckGatewayAsync(options, handler, cancellationToken).ConfigureAwait(false));
        return results;
    }

    private static CheckResult CheckFiles(string pattern)
    {
        var files = FileSet.Expand([pattern]).ToList();
        if (files.Count == 0)
        {
            return new CheckResult($"log file {pattern}", false, "no such file (yet); check LOG_FILE, or start the application that writes it");
        }

        foreach (var file in files)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return new CheckResult($"log file {file}", false, $"cannot be read ({e.Message}); run the agent as a user that may read it");
            }
        }

        return new CheckResult($"log file {pattern}", true, files.Count == 1 ? "readable" : $"{files.Count} files, all readable");
    }

    private static CheckResult CheckStateDirectory(string stateFile)
    {
        var directory = Path.GetDirectoryName(stateFile)!;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            _ = new AgentStateStore(stateFile);
            return new CheckResult("state file", true, $"{stateFile} (directory writable)");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidDataException)
        {
            return new CheckResult("state file", false, $"{stateFile}: {e.Message}; set STATE_FILE to a writable place");
        }
    }

    private static async Task<CheckResult> CheckGatewayAsync(AgentOptions options, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var client = new GatewayClient(options.GatewayUrl, options.ApiKey, handler, TimeSpan.FromSeconds(10), options.GatewayCaCertificate);
        var line = new LogLine("agent-check", "check", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0, "", false);
        var json = EventWriter.Write(new Parsing.AgentEvent { Message = $"obs agent check from {options.Source}", Action = "agent.check", Level = "info" },
            line, options.Source, options.Environment, null);
        var result = await client.SendAsync([new PendingEvent(line, json)], cancellationToken).ConfigureAwait(false);
        var name = $"gateway {options.GatewayUrl}";
        return result.Kind switch
        {
            SendKind.Accepted when result.Rejected.Count == 0 => new CheckResult(name, true, "reachable, key accepted, test event delivered"),
            SendKind.Accepted => new CheckResult(name, false, $"reachable and key accepted, but the test event was refused: {result.Rejected[0].Reason}"),
            SendKind.Refused when result.Status == (int)HttpStatusCode.Unauthorized =>
                new CheckResult(name, false, $"the key was not accepted ({result.Detail}); check API_KEY (obs keys create prints a new one)"),
            SendKind.Refused => new CheckResult(name, false, $"forbidden ({result.Detail}); the key may not write this environment, or this address is outside the gateway's trusted networks"),
            _ => new CheckResult(name, false, $"{result.Detail}; check GATEWAY_URL and that the gateway runs and is reachable from here"),
        };
    }
}
