namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>The ECS field names the rules query, in one place.</summary>
internal static class EcsFields
{
    public const string Timestamp = "@timestamp";
    public const string Service = "service.name";
    public const string StatusCode = "http.response.status_code";
    public const string ClientIp = "client.ip";
    public const string UrlPath = "url.path";
    public const string ErrorType = "error.type";
    public const string ErrorMessage = "error.message";
    public const string Message = "message";
    public const string Level = "log.level";
}
