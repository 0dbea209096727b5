using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Intake;

public class IntakeApiTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(o =>
    {
        o.Limits.MaxBodyBytes = 1024 * 1024;
        o.Limits.MaxEventBytes = 64 * 1024;
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await SendAsync(content);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpContent content)
    {
        using var response = await _gateway.Http.PostAsync("/v1/logs", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task ASingleObjectIsAcceptedAndWrittenToTheLog()
    {
        var (status, body) = await PostAsync("{\"message\":\"order created\",\"level\":\"Information\"}");
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("accepted").GetInt32().ShouldBe(1);
        body.GetProperty("rejected").GetArrayLength().ShouldBe(0);
        _gateway.Service<GatewayRuntime>().Wal.DurablePosition.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnArrayAndNdjsonAreAcceptedPerEventWithRejectionsListedByIndex()
    {
        var (status, body) = await PostAsync("[{\"message\":\"a\"},{\"level\":\"info\"},{\"message\":\"c\",\"level\":\"loud\"},3]");
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("accepted").GetInt32().ShouldBe(1);
        var rejected = body.GetProperty("rejected").EnumerateArray().ToArray();
        rejected.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([1, 2, 3]);
        rejected[0].GetProperty("reason").GetString().ShouldBe("message is required");
        rejected[1].GetProperty("reason").GetString()!.ShouldContain("unknown level");
        rejected[2].GetProperty("reason").GetString()!.ShouldContain("JSON object");

        (status, body) = await PostAsync("{\"message\":\"one\"}\n{\"message\":\"two\"}\n{oops}\n", "application/x-ndjson");
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
        var bad = body.GetProperty("rejected")[0];
        bad.GetProperty("index").GetInt32().ShouldBe(2);
        bad.GetProperty("reason").GetString()!.ShouldStartWith("malformed JSON at byte 37");
    }

    [Fact]
    public async Task NdjsonSentAsPlainJsonIsStillSplitIntoEvents()
    {
        var (status, body) = await PostAsync("{\"message\":\"one\"}\n{\"message\":\"two\"}");
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task GzipBodiesAreInflatedAndTruncatedGzipIsRejectedWithAReason()
    {
        var raw = Encoding.UTF8.GetBytes("{\"message\":\"zipped\"}\n{\"message\":\"zipped too\"}\n");
        using var ms = new MemoryStream();
        await using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(raw);
        }

        var zipped = ms.ToArray();
        using var good = new ByteArrayContent(zipped);
        good.Headers.ContentEncoding.Add("gzip");
        var (status, body) = await SendAsync(good);
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);

        using var truncated = new ByteArrayContent(zipped[..(zipped.Length - 6)]);
        truncated.Headers.ContentEncoding.Add("gzip");
        (status, body) = await SendAsync(truncated);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("invalid_gzip");
    }

    [Fact]
    public async Task AGzipBombIsStoppedAtTheBodyLimit()
    {
        using var ms = new MemoryStream();
        await using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(new byte[8 * 1024 * 1024]);
        }

        using var content = new ByteArrayContent(ms.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        var (status, body) = await SendAsync(content);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        body.GetProperty("reason").GetString()!.ShouldContain("decompressed body");
    }

    [Fact]
    public async Task MalformedJsonIsRejectedWithTheBytePosition()
    {
        var (status, body) = await PostAsync("[{\"message\":\"a\"},{\"message\" \"b\"}]");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("malformed_json");
        body.GetProperty("reason").GetString()!.ShouldStartWith("malformed JSON at byte 28");
    }

    [Fact]
    public async Task InvalidUtf8IsRejectedWithTheBytePosition()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"message\":\"caf\u00e9 xx\"}");
        bytes[17] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        var (status, body) = await SendAsync(content);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("reason").GetString().ShouldBe("invalid UTF-8 at byte 17");
    }

    [Fact]
    public async Task NulBytesAreRejectedAsMalformedJson()
    {
        var (status, body) = await PostAsync("{\"message\":\"nul\0inside\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("reason").GetString()!.ShouldContain("malformed JSON at byte 15");
    }

    [Fact]
    public async Task TenThousandDeepNestingIsRejectedAndTheGatewayStaysUp()
    {
        var deep = "{\"message\":\"deep\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var (status, body) = await PostAsync(deep);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("too_deep");
        (await PostAsync("{\"message\":\"still alive\"}")).Status.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task AHugeNumberOfTinyFieldsIsRejected()
    {
        var fields = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"f{i}\":1"));
        var (status, body) = await PostAsync("{\"message\":\"wide\"," + fields + "}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("too_many_fields");
    }

    [Fact]
    public async Task AHugeStringIsRejectedAsAnOversizedEventAndAnOversizedBodyGets413()
    {
        var (status, body) = await PostAsync("{\"message\":\"" + new string('x', 100_000) + "\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("event_too_large");

        (status, body) = await PostAsync("{\"message\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        body.GetProperty("error").GetString().ShouldBe("body_too_large");
    }

    [Fact]
    public async Task ReservedFieldsAreRefused()
    {
        var (status, body) = await PostAsync("{\"message\":\"m\",\"_index\":\"other\"}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("reason").GetString().ShouldBe("field '_index' is reserved");
    }

    [Fact]
    public async Task AnEmptyBodyGets400()
    {
        var (status, body) = await PostAsync("  \n ");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("empty_body");
    }
}
