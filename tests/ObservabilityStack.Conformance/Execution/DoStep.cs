using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Assertions;
using ObservabilityStack.Conformance.Spec;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>Executes a <c>do</c> step: builds the request, sends it and checks <c>catch</c> / <c>ignore</c>.</summary>
public sealed class DoStep
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "catch", "headers", "warnings", "warnings_regex", "allowed_warnings", "allowed_warnings_regex", "node_selector", "ignore",
    };

    private readonly RequestBuilder _builder;
    private readonly RestClient _client;

    /// <summary>Creates the executor.</summary>
    public DoStep(RequestBuilder builder, RestClient client)
    {
        _builder = builder;
        _client = client;
    }

    /// <summary>Runs the step; the response becomes <see cref="Stash.LastResponse"/>.</summary>
    public async Task RunAsync(JsonNode? argument, Stash stash, CancellationToken cancellationToken = default)
    {
        if (argument is not JsonObject step)
        {
            throw new StepFailedException("'do' needs a mapping");
        }

        var apis = step.Where(p => !Modifiers.Contains(p.Key)).Select(p => p.Key).ToList();
        if (apis.Count != 1)
        {
            throw new StepFailedException($"'do' must name exactly one API but names [{string.Join(", ", apis)}]");
        }

        var api = apis[0];
        var catchValue = step["catch"] is null ? null : JsonText.Scalar(step["catch"]);
        var headers = ReadHeaders(stash.Replace(step["headers"]));
        var arguments = stash.Replace(step[api]) as JsonObject;
        // The Java client reads 'ignore' from the API arguments as well as from the step.
        var ignore = step["ignore"] ?? arguments?["ignore"];
        arguments?.Remove("ignore");

        RestRequest request;
        try
        {
            request = _builder.Build(api, arguments, headers, checkParams: catchValue == "param");
        }
        catch (UnknownParameterException e)
        {
            if (catchValue == "param")
            {
                return;
            }

            throw e.AsFailure();
        }
        catch (StepFailedException) when (catchValue == "param")
        {
            // A required part missing is the other client-side error 'param' stands for.
            return;
        }

        if (catchValue == "param")
        {
            throw new StepFailedException($"{api}: expected an unknown-parameter error but every parameter is in the spec");
        }

        var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        stash.LastResponse = response;
        var ignored = IgnoredStatuses(ignore);
        // Like the Java client, a HEAD 404 is an answer ("does not exist"), not an error.
        var isError = response.Status >= 400 && !ignored.Contains(response.Status)
            && !(request.Method == HttpMethod.Head && response.Status == 404 && catchValue is null);
        var where = $"{api} {request.Method} {JsonText.Truncate(request.PathAndQuery, 200)}";
        if (catchValue is null)
        {
            if (isError)
            {
                throw new StepFailedException($"{where} failed with {response.Status}: {JsonText.Truncate(response.Text, 300)}");
            }

            return;
        }

        CheckCatch(catchValue, response, where);
    }

    private static void CheckCatch(string catchValue, RestResponse response, string where)
    {
        if (RegexMatch.IsRegex(catchValue, out var pattern))
        {
            if (response.Status < 400)
            {
                throw new StepFailedException($"{where}: expected an error matching {catchValue} but got {response.Status}");
            }

            var error = response.Body is JsonObject o && o["error"] is { } e ? JavaText.Render(e) : null;
            if (!RegexMatch.Matches(pattern, response.Text, comments: false)
                && (error is null || !RegexMatch.Matches(pattern, error, comments: false)))
            {
                throw new StepFailedException($"{where}: error does not match {catchValue}: {response.Status} {JsonText.Truncate(response.Text, 300)}");
            }

            return;
        }

        var holds = catchValue switch
        {
            "bad_request" => response.Status == 400,
            "unauthorized" => response.Status == 401,
            "forbidden" => response.Status == 403,
            "missing" => response.Status == 404,
            "request_timeout" => response.Status == 408,
            "conflict" => response.Status == 409,
            "unavailable" => response.Status == 503,
            "request" => response.Status >= 400 && response.Status is not (400 or 401 or 403 or 404 or 408 or 409),
            _ => throw new StepFailedException($"unknown catch value '{catchValue}'"),
        };
        if (!holds)
        {
            throw new StepFailedException($"{where}: expected catch '{catchValue}' but got {response.Status}: {JsonText.Truncate(response.Text, 300)}");
        }
    }

    private static Dictionary<string, string> ReadHeaders(JsonNode? node)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                headers[name] = JsonText.Scalar(value);
            }
        }

        return headers;
    }

    private static HashSet<int> IgnoredStatuses(JsonNode? node)
    {
        var statuses = new HashSet<int>();
        foreach (var item in node is JsonArray list ? list.ToArray() : [node])
        {
            if (JsonComparer.TryGetNumber(item, out var status))
            {
                statuses.Add((int)status);
            }
        }

        return statuses;
    }
}
