using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Spec;

/// <summary>
/// Turns a <c>do</c> step's API name and arguments into an HTTP request: the path is the spec path whose
/// parts are all given (the one using most of them), the remaining arguments become query parameters.
/// </summary>
public sealed class RequestBuilder
{
    private static readonly string[] BodyMethodPreference = ["PUT", "POST"];
    private readonly ApiSpecCatalog _catalog;

    /// <summary>Creates a builder over the loaded specs.</summary>
    public RequestBuilder(ApiSpecCatalog catalog) => _catalog = catalog;

    /// <summary>Builds the request; throws <see cref="StepFailedException"/> for an unknown API or missing parts.</summary>
    /// <param name="api">API name, e.g. <c>index</c>.</param>
    /// <param name="arguments">Arguments after stash substitution (may be null for none).</param>
    /// <param name="headers">Extra headers.</param>
    /// <param name="checkParams">When true, an argument the spec does not declare is an error (<c>catch: param</c>).</param>
    public RestRequest Build(string api, JsonObject? arguments, IReadOnlyDictionary<string, string> headers, bool checkParams)
    {
        if (!_catalog.TryGet(api, out var spec))
        {
            throw new StepFailedException($"no API spec for '{api}'");
        }

        arguments ??= [];
        // An empty value (index: [] or "") means "not given", as in upstream's client: POST /_refresh, not //_refresh.
        var given = arguments.Where(a => a.Key != "body" && ValueText(a.Value).Length > 0).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var path = spec.Paths
            .Where(p => p.Parts.All(given.Contains))
            .OrderByDescending(p => p.Parts.Count)
            .FirstOrDefault()
            ?? throw new StepFailedException($"no path of API '{api}' can be built from [{string.Join(", ", given)}]");

        var url = new StringBuilder(path.Template);
        foreach (var part in path.Parts)
        {
            url.Replace("{" + part + "}", EscapePart(ValueText(arguments[part])));
        }

        var query = new List<string>();
        foreach (var (name, value) in arguments)
        {
            if (name == "body" || path.Parts.Contains(name) || (spec.AllParts.Contains(name) && !given.Contains(name)))
            {
                continue;
            }

            if (checkParams && !spec.Params.Contains(name) && !_catalog.CommonParams.Contains(name))
            {
                throw new UnknownParameterException(api, name);
            }

            query.Add($"{Uri.EscapeDataString(name)}={EscapePart(ValueText(value))}");
        }

        if (query.Count > 0)
        {
            url.Append('?').Append(string.Join('&', query));
        }

        var body = arguments["body"];
        var bodyText = body is null ? null : SerializeBody(body, spec.BulkBody);
        var method = ChooseMethod(path, bodyText is not null);
        var contentType = spec.BulkBody ? "application/x-ndjson" : "application/json";
        return new RestRequest(new HttpMethod(method), url.ToString(), bodyText, contentType, headers);
    }

    /// <summary>With a body prefer PUT/POST in spec order; without one the first method the spec lists.</summary>
    private static string ChooseMethod(ApiPath path, bool hasBody)
    {
        if (path.Methods.Count == 0)
        {
            return hasBody ? "POST" : "GET";
        }

        if (hasBody)
        {
            var bodyMethod = path.Methods.FirstOrDefault(m => BodyMethodPreference.Contains(m, StringComparer.Ordinal));
            if (bodyMethod is not null)
            {
                return bodyMethod;
            }
        }

        return path.Methods[0];
    }

    private static string SerializeBody(JsonNode body, bool bulk)
    {
        if (body is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return bulk && !text.EndsWith('\n') ? text + "\n" : text;
        }

        if (bulk && body is JsonArray lines)
        {
            var ndjson = new StringBuilder();
            foreach (var line in lines)
            {
                ndjson.Append(JsonText.Scalar(line).TrimEnd('\n')).Append('\n');
            }

            return ndjson.ToString();
        }

        return body.ToJsonString();
    }

    private static string ValueText(JsonNode? value) => value is JsonArray list
        ? string.Join(',', list.Select(JsonText.Scalar))
        : JsonText.Scalar(value);

    /// <summary>Escapes a URL component but keeps commas and wildcards readable, as Elasticsearch clients do.</summary>
    private static string EscapePart(string text) =>
        Uri.EscapeDataString(text).Replace("%2C", ",", StringComparison.Ordinal).Replace("%2A", "*", StringComparison.Ordinal);
}
