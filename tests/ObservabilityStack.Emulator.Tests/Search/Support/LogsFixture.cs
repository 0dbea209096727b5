namespace ObservabilityStack.Emulator.Tests.Search.Support;

/// <summary>A small ECS-like logs index used across search tests; "now" is 2024-05-01T12:00:00Z.</summary>
internal static class LogsFixture
{
    public const string Mapping = """
        {
          "@timestamp": { "type": "date" },
          "message": { "type": "text", "fields": { "keyword": { "type": "keyword" } } },
          "log": { "properties": { "level": { "type": "keyword" } } },
          "service": { "properties": { "name": { "type": "keyword" } } },
          "http": { "properties": { "status": { "type": "long" } } },
          "duration": { "type": "double" },
          "ok": { "type": "boolean" },
          "tags": { "type": "keyword" },
          "host": { "type": "keyword" }
        }
        """;

    public static TestShard Create(string index = "logs") => new TestShard(index, Mapping)
        .Add("1", """{"@timestamp":"2024-05-01T11:50:00Z","message":"User login failed for alice","log.level":"error","service":{"name":"shop"},"http":{"status":500},"duration":12.5,"ok":false,"tags":["auth","web"]}""")
        .Add("2", """{"@timestamp":"2024-05-01T11:55:30Z","message":"User login succeeded","log":{"level":"info"},"service.name":"shop","http.status":200,"duration":3.0,"ok":true,"tags":["auth"]}""")
        .Add("3", """{"@timestamp":"2024-05-01T11:58:00Z","message":"Payment processed","log":{"level":"info"},"service":{"name":"crm"},"http":{"status":200},"duration":7.5,"ok":true}""")
        .Add("4", """{"@timestamp":"2024-05-01T10:00:00Z","message":"Disk almost full","log":{"level":"warn"},"service":{"name":"mes"},"http":{"status":507},"host":"db-1"}""")
        .Add("5", """{"@timestamp":"2024-05-01T11:59:59.500Z","message":"login timeout for bob","log":{"level":"error"},"service":{"name":"crm"},"http":{"status":504},"duration":30.0,"ok":false,"tags":["web"]}""");
}
