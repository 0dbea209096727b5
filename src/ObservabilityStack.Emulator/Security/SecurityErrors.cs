using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Emulator.Security;

/// <summary>Elasticsearch's 401 and 403 answers, with the same reasons and <c>WWW-Authenticate</c> challenges.</summary>
internal static class SecurityErrors
{
    private static readonly Dictionary<string, string[]> Challenges = new(StringComparer.Ordinal)
    {
        ["WWW-Authenticate"] = ["Basic realm=\"security\", charset=\"UTF-8\"", "Bearer realm=\"security\"", "ApiKey"],
    };

    public static EmulatorException MissingCredentials(HttpContext http) =>
        Unauthorized($"missing authentication credentials for REST request [{Uri(http)}]");

    public static EmulatorException BadUser(HttpContext http, string username) =>
        Unauthorized($"unable to authenticate user [{username}] for REST request [{Uri(http)}]");

    public static EmulatorException BadCredentials(string detail) =>
        new(401, "security_exception", "unable to authenticate with provided credentials and anonymous access is not allowed for this request")
        {
            Metadata = [new("additional_unsuccessful_credentials", detail)],
            Headers = Challenges,
        };

    public static EmulatorException ClusterDenied(Principal principal, string action) =>
        new(403, "security_exception",
            $"action [{action}] is unauthorized for {principal.Describe()}, this action is granted by the cluster privileges [{Privileges.GrantingClusterPrivileges(action)}]");

    /// <summary>
    /// A denied index action. <paramref name="reported"/> is the action named in the message (bulk items are
    /// reported as <c>indices:data/write/bulk[s]</c>); the privileges listed are those granting <paramref name="action"/>.
    /// </summary>
    public static EmulatorException IndexDenied(Principal principal, string action, IEnumerable<string> indices, string? reported = null) =>
        new(403, "security_exception",
            $"action [{reported ?? action}] is unauthorized for {principal.Describe()} on indices [{string.Join(",", indices)}], " +
            $"this action is granted by the index privileges [{Privileges.GrantingIndexPrivileges(action)}]");

    /// <summary>A denied action with no index to name (bulk and msearch as a whole).</summary>
    public static EmulatorException Denied(Principal principal, string action) =>
        new(403, "security_exception", $"action [{action}] is unauthorized for {principal.Describe()}");

    private static EmulatorException Unauthorized(string reason) => new(401, "security_exception", reason) { Headers = Challenges };

    private static string Uri(HttpContext http) => http.Request.Path.Value + http.Request.QueryString.Value;
}
