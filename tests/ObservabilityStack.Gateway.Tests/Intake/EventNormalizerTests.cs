using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway.Intake;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tests.Intake;

/// <summary>The normaliser assembles records from raw input slices: the documents it writes must still be exact JSON.</summary>
public class EventNormalizerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);
    private readonly IntakeContext _context = new("shop-api", ["production", "staging"], new IntakeLimits(), s_now);

    private (EventOutcome Outcome, RejectReason Reason, JsonElement Document, string Id, string Index) Normalize(string json, string? idHint = null)
    {
        using var normalizer = new EventNormalizer();
        using var records = new PooledBufferWriter(1024);
        var outcome = normalizer.Normalize(Encoding.UTF8.GetBytes(json), 0, _context, records, idHint, out var reason);
        if (outcome != EventOutcome.Accepted)
        {
            records.WrittenCount.ShouldBe(0);
            return (outcome, reason, default, string.Empty, string.Empty);
        }

        var span = records.WrittenMemory.Span;
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(span);
        (WalRecord.HeaderSize + length).ShouldBe(span.Length);
        var payload = records.WrittenMemory[WalRecord.HeaderSize..];
        BinaryPrimitives.ReadUInt32LittleEndian(span[4..]).ShouldBe(Crc32C.Compute(payload.Span));
        var entry = new WalEntry(0, payload);
        entry.IngestedUnixMs.ShouldBe(s_now.ToUnixTimeMilliseconds());
        entry.IdString.ShouldBe(normalizer.LastId);
        entry.IndexString.ShouldBe(normalizer.LastIndex);
        using var document = JsonDocument.Parse(entry.Document);
        return (outcome, reason, document.RootElement.Clone(), entry.IdString, entry.IndexString);
    }

    [Fact]
    public void ACanonicalEventIsWrittenWithItsFieldsMovedIntoTheirGroups()
    {
        var (outcome, _, doc, id, index) = Normalize(
            "{\"@timestamp\":\"2026-11-21T09:59:58.001Z\",\"message\":\"order \\\"o-1\\\" created\",\"log.logger\":\"Orders\",\"level\":\"WARNING\"," +
            "\"service\":{\"version\":\"1.2\"},\"event.action\":\"created\",\"order\":{\"id\":\"o-1\",\"lines\":[1,2]}}");
        outcome.ShouldBe(EventOutcome.Accepted);
        index.ShouldBe("logs-shop_api-production");
        id.Length.ShouldBe(32);
        doc.GetProperty("@timestamp").GetString().ShouldBe("2026-11-21T09:59:58.001Z");
        doc.GetProperty("message").GetString().ShouldBe("order \"o-1\" created");
        doc.GetProperty("log").GetProperty("level").GetString().ShouldBe("warn");
        doc.GetProperty("log").GetProperty("logger").GetString().ShouldBe("Orders");
        doc.GetProperty("service").GetProperty("name").GetString().ShouldBe("shop-api");
        doc.GetProperty("service").GetProperty("environment").GetString().ShouldBe("production");
        doc.GetProperty("service").GetProperty("version").GetString().ShouldBe("1.2");
        doc.GetProperty("event").GetProperty("id").GetString().ShouldBe(id);
        doc.GetProperty("event").GetProperty("action").GetString().ShouldBe("created");
        doc.GetProperty("event").GetProperty("ingested").GetString().ShouldBe("2026-11-21T10:00:00.123Z");
        doc.GetProperty("order").GetProperty("lines").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("\"2026-11-21T11:00:00+01:00\"", "2026-11-21T10:00:00.000Z")]
    [InlineData("1763719200000", "2025-11-21T10:00:00.000Z")]
    [InlineData("\"1763719200000\"", "2025-11-21T10:00:00.000Z")]
    [InlineData("\"2026-11-21T10:00:00.5Z\"", "2026-11-21T10:00:00.500Z")]
    public void OtherTimestampFormsAreRewrittenInUtc(string raw, string expected)
    {
        var (outcome, _, doc, _, _) = Normalize($"{{\"message\":\"m\",\"timestamp\":{raw}}}");
        outcome.ShouldBe(EventOutcome.Accepted);
        doc.GetProperty("@timestamp").GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"2026-02-30T10:00:00.000Z\"")]
    [InlineData("\"2026-11-21T24:00:00.000Z\"")]
    [InlineData("\"yesterday\"")]
    public void ImpossibleDatesInTheCanonicalShapeAreStillRejected(string raw)
    {
        var (outcome, reason, _, _, _) = Normalize($"{{\"message\":\"m\",\"@timestamp\":{raw}}}");
        outcome.ShouldBe(EventOutcome.Rejected);
        reason.Kind.ShouldBe("invalid_timestamp");
    }

    [Fact]
    public void EscapedNamesAndAnEscapedIdAreDecodedAndWrittenAsValidJson()
    {
        var (outcome, _, doc, id, _) = Normalize("{\"m\\u0065ssage\":\"x\",\"tag\\\"s\":\"a\",\"event\":{\"id\":\"ab\\u00e9\"},\"env\":\"staging\"}");
        outcome.ShouldBe(EventOutcome.Accepted);
        doc.GetProperty("message").GetString().ShouldBe("x");
        doc.GetProperty("tag\"s").GetString().ShouldBe("a");
        id.ShouldBe("abé");
        doc.GetProperty("event").GetProperty("id").GetString().ShouldBe("abé");
    }

    [Fact]
    public void AnEnvironmentTheKeyAllowsIsUsedForTheDataStream()
    {
        var (outcome, _, doc, _, index) = Normalize("{\"message\":\"x\",\"service\":{\"environment\":\"STAGING\"}}");
        outcome.ShouldBe(EventOutcome.Accepted);
        index.ShouldBe("logs-shop_api-staging");
        doc.GetProperty("service").GetProperty("environment").GetString().ShouldBe("staging");
    }

    [Fact]
    public void AnEventIdThatDoesNotFitTheLogRecordIsRejectedNotACrash()
    {
        // 128 characters but 384 UTF-8 bytes: within the character limit, beyond the record's 255-byte id.
        var (outcome, reason, _, _, _) = Normalize($"{{\"message\":\"x\",\"event.id\":\"{new string('€', 128)}\"}}");
        outcome.ShouldBe(EventOutcome.Rejected);
        reason.Kind.ShouldBe("invalid_event_id");

        (outcome, reason, _, _, _) = Normalize("{\"message\":\"x\"}", idHint: new string('x', 300));
        outcome.ShouldBe(EventOutcome.Rejected);
        reason.Kind.ShouldBe("invalid_event_id");

        (outcome, _, _, var id, _) = Normalize("{\"message\":\"x\"}", idHint: "bulk-id-1");
        outcome.ShouldBe(EventOutcome.Accepted);
        id.ShouldBe("bulk-id-1");
    }

    [Theory]
    [InlineData("\"Information\"", "info")]
    [InlineData("\"ERR\"", "error")]
    [InlineData("3", "error")]
    [InlineData("\" debug \"", "debug")]
    [InlineData("\"Critical\"", "fatal")]
    [InlineData("\"WRN\"", "warn")]
    [InlineData("\"Verbose\"", "trace")]
    [InlineData("\"notice\"", "info")]
    [InlineData("\"emerg\"", "fatal")]
    [InlineData("\"severe\"", "error")]
    [InlineData("\"FINEST\"", "trace")]
    [InlineData("\"finer\"", "trace")]
    [InlineData("\"Fine\"", "debug")]
    [InlineData("\"Informational\"", "info")]
    [InlineData("\"EMERGENCY\"", "fatal")]
    [InlineData("0", "fatal")]
    [InlineData("2", "fatal")]
    [InlineData("4", "warn")]
    [InlineData("5", "info")]
    [InlineData("6", "info")]
    [InlineData("7", "debug")]
    [InlineData("\"\\u0077arn\"", "warn")]
    public void LevelSpellingsAreNormalised(string raw, string expected)
    {
        var (outcome, _, doc, _, _) = Normalize($"{{\"message\":\"m\",\"severity\":{raw}}}");
        outcome.ShouldBe(EventOutcome.Accepted);
        doc.GetProperty("log").GetProperty("level").GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"8\"")]
    [InlineData("8")]
    [InlineData("\"loud\"")]
    [InlineData("\"infos\"")]
    [InlineData("\"a-very-long-level-name\"")]
    [InlineData("\"\u00e9rror\"")]
    [InlineData("true")]
    public void UnknownLevelsAreRejectedWithTheReason(string raw)
    {
        var (outcome, reason, _, _, _) = Normalize($"{{\"message\":\"m\",\"level\":{raw}}}");
        outcome.ShouldBe(EventOutcome.Rejected);
        reason.Kind.ShouldBe("invalid_level");
    }
}
