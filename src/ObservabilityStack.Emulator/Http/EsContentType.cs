using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Emulator.Http;

/// <summary>
/// Content negotiation like Elasticsearch: <c>application/vnd.elasticsearch+json; compatible-with=8|9</c>
/// is accepted on Accept or Content-Type and answered in kind; other versions are rejected.
/// </summary>
internal static class EsContentType
{
    private const string ItemKey = "es.content-type";
    private const string Json = "application/json";

    /// <summary>Checks the request's headers and remembers the answer's content type.</summary>
    public static void Negotiate(HttpContext http)
    {
        var accept = Version(http.Request.Headers.Accept.ToString());
        var content = Version(http.Request.ContentType);
        if (accept == -1 || content == -1 || (accept > 0 && content > 0 && accept != content))
        {
            throw new EmulatorException(400, "media_type_header_exception",
                "Invalid media-type value on headers [Accept, Content-Type]");
        }

        var version = accept > 0 ? accept : content;
        http.Items[ItemKey] = version > 0 ? $"application/vnd.elasticsearch+json;compatible-with={version}" : Json;
    }

    public static string For(HttpContext http) => http.Items[ItemKey] as string ?? Json;

    /// <summary>0 when the header is not Elastic's vendor type, -1 when it is one with an unsupported version.</summary>
    private static int Version(string? header)
    {
        if (string.IsNullOrEmpty(header) || !header.Contains("vnd.elasticsearch", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var at = header.IndexOf("compatible-with=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return -1;
        }

        var digits = header.AsSpan(at + "compatible-with=".Length);
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        return int.TryParse(digits[..end], System.Globalization.CultureInfo.InvariantCulture, out var v) && v is 8 or 9 ? v : -1;
    }
}
