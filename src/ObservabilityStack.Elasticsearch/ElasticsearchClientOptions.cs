using System.Globalization;
using System.Text;

namespace ObservabilityStack.Elasticsearch;

/// <summary>
/// Where and how to reach an Elasticsearch cluster (or the emulator). Bindable from configuration
/// (e.g. <c>configuration.GetSection("Elasticsearch").Bind(options)</c>). Secrets never appear in
/// <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class ElasticsearchClientOptions
{
    /// <summary>Base URL of the cluster. Default <c>http://127.0.0.1:9200</c>. User info in the URL is used as basic auth.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:9200");

    /// <summary>
    /// API key sent as <c>Authorization: ApiKey ...</c>: either the encoded key Elasticsearch returns
    /// (<c>encoded</c>), or the raw <c>api_key</c> secret when <see cref="ApiKeyId"/> is set.
    /// Takes precedence over bearer and basic auth.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>API key id; when set, the header is <c>base64(ApiKeyId:ApiKey)</c>.</summary>
    public string? ApiKeyId { get; set; }

    /// <summary>Bearer token (service account or OAuth token). Used when no API key is set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>User name for basic auth.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic auth. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Path to a PEM or DER CA certificate (ES 8's <c>http_ca.crt</c>). When set, the server chain must
    /// validate against this CA only.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>
    /// SHA-256 fingerprint (hex, colons optional) of the server certificate or any certificate in its
    /// chain, as printed by Elasticsearch 8 at first start. When set, the certificate is pinned.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Per-attempt request timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for retryable failures. Default 3; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles each attempt, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one backoff delay, including a server's <c>Retry-After</c>. Default 30 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends <c>application/vnd.elasticsearch+json; compatible-with=N</c> for N = 8 or 9 so an 8.x or 9.x
    /// cluster answers in that major's format. Null (default) sends plain <c>application/json</c>.
    /// </summary>
    public int? CompatibilityVersion { get; set; }

    /// <summary>The URL without user info, safe to print.</summary>
    public string RedactedUrl => new UriBuilder(Url) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    /// <summary>Checks the options and throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("Elasticsearch Url must be an absolute http:// or https:// URL.", nameof(Url));
        }

        if (CompatibilityVersion is not (null or 8 or 9))
        {
            throw new ArgumentException(
                $"CompatibilityVersion must be 8 or 9 (or unset), not {CompatibilityVersion}.", nameof(CompatibilityVersion));
        }

        if (MaxRetries < 0 || RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRetries, RetryBaseDelay and RetryMaxDelay must not be negative.", nameof(MaxRetries));
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
        }

        if (!string.IsNullOrEmpty(CertificateFingerprint) && NormalizedFingerprint(CertificateFingerprint).Length != 64)
        {
            throw new ArgumentException(
                "CertificateFingerprint must be a SHA-256 fingerprint: 64 hex digits, colons allowed.", nameof(CertificateFingerprint));
        }

        if (!string.IsNullOrEmpty(CaCertificatePath) && !File.Exists(CaCertificatePath))
        {
            throw new ArgumentException($"CA certificate file not found: {CaCertificatePath}", nameof(CaCertificatePath));
        }
    }

    /// <summary>Describes the connection without secrets.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(RedactedUrl);
        builder.Append(" (auth: ").Append(AuthenticationScheme ?? "none");
        if (CompatibilityVersion is { } version)
        {
            builder.Append(CultureInfo.InvariantCulture, $", compatible-with={version}");
        }

        if (!string.IsNullOrEmpty(CaCertificatePath))
        {
            builder.Append(", custom CA");
        }

        if (!string.IsNullOrEmpty(CertificateFingerprint))
        {
            builder.Append(", pinned certificate");
        }

        return builder.Append(')').ToString();
    }

    /// <summary>The auth scheme in use (<c>ApiKey</c>, <c>Bearer</c>, <c>Basic</c>) or null.</summary>
    internal string? AuthenticationScheme =>
        !string.IsNullOrEmpty(ApiKey) ? "ApiKey"
        : !string.IsNullOrEmpty(BearerToken) ? "Bearer"
        : !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Url?.UserInfo) ? "Basic"
        : null;

    internal static string NormalizedFingerprint(string fingerprint) =>
        fingerprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Trim().ToUpperInvariant();
}
