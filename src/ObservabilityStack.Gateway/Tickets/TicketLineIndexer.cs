using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Elasticsearch.Ecs;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Turns the text files of one upload into one document per line, appended to the gateway's write-ahead
/// log in chunks: the bulk forwarder then delivers them like any event, with its retries, dead letters and
/// metrics. Ids are derived from ticket, upload, file and line, so a replay never duplicates a line.
/// Multi-line records (stack traces) stay one document per line.
/// </summary>
internal sealed class TicketLineIndexer : IDisposable
{
    private const int ChunkBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan s_quotaWait = TimeSpan.FromSeconds(60);
    private readonly GatewayRuntime _runtime;
    private readonly TicketOptions _options;
    private readonly string _ticket;
    private readonly string _platform;
    private readonly string _upload;
    private readonly string _index;
    private readonly DateTimeOffset _now;
    private readonly string _nowText;
    private readonly ArrayBufferWriter<byte> _records = new(ChunkBytes + (64 * 1024));
    private readonly ArrayBufferWriter<byte> _document = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly StringBuilder _line = new();
    private readonly byte[] _id = new byte[32];
    private int _pending;

    public TicketLineIndexer(GatewayRuntime runtime, TicketOptions options, string ticket, string platform, string upload, DateTimeOffset now)
    {
        _runtime = runtime;
        _options = options;
        _ticket = ticket;
        _platform = platform;
        _upload = upload;
        _now = now;
        _nowText = Format(now);
        _index = DataStreamName.For(options.Dataset, options.Namespace);
        _json = new Utf8JsonWriter(_document, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Lines written to the log so far.</summary>
    public long Lines { get; private set; }

    /// <summary>Files left out because they are not text.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Reads one file's lines (an <see cref="ArchiveReader"/> callback).</summary>
    public async Task IndexAsync(string entry, Stream content, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var decoder = new UTF8Encoding(false, false).GetDecoder();
            long number = 0;
            var first = true;
            var truncated = false;
            _line.Clear();
            int read;
            while ((read = await content.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (first && !TextSniffer.LooksLikeText(bytes.AsSpan(0, Math.Min(read, 8192))))
                {
                    Skipped.Add(entry);
                    return;
                }

                first = false;
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                var at = 0;
                while (at < count)
                {
                    var newline = chars.AsSpan(at, count - at).IndexOf('\n');
                    var length = newline < 0 ? count - at : newline;
                    var room = Math.Max(0, _options.MaxLineChars - _line.Length);
                    truncated |= length > room;
                    _line.Append(chars, at, Math.Min(length, room));
                    if (newline < 0)
                    {
                        break;
                    }

                    await EmitAsync(entry, ++number, truncated).ConfigureAwait(false);
                    truncated = false;
                    at += newline + 1;
                }
            }

            if (_line.Length > 0)
            {
                await EmitAsync(entry, ++number, truncated).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Appends what is still buffered; returns once it is durable.</summary>
    public async Task FlushAsync()
    {
        if (_records.WrittenCount == 0)
        {
            return;
        }

        var deadline = _runtime.Clock.GetUtcNow() + s_quotaWait;
        while (await _runtime.Wal.AppendAsync(_records.WrittenMemory).ConfigureAwait(false) == WalAppendResult.QuotaExceeded)
        {
            // The forwarder drains the log while we wait; an upload is worth a short pause, not a refusal.
            if (_runtime.Clock.GetUtcNow() > deadline)
            {
                throw new TicketRefusal(503, "queue_full", "the gateway's delivery queue is full; retry the upload later");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), _runtime.Clock).ConfigureAwait(false);
        }

        _runtime.Metrics.AddAccepted(_pending);
        _records.ResetWrittenCount();
        _pending = 0;
    }

    private async Task EmitAsync(string entry, long number, bool truncated)
    {
        var text = _line.ToString().TrimEnd('\r');
        _line.Clear();
        if (number == 1 && text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        WriteDocument(entry, number, text, truncated);
        WalRecord.Write(_records, _now.ToUnixTimeMilliseconds(), _index, _id, _document.WrittenSpan);
        Lines++;
        _pending++;
        if (_records.WrittenCount >= ChunkBytes)
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    private void WriteDocument(string entry, long number, string text, bool truncated)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_ticket}\n{_upload}\n{entry}\n{number}")));
        var id = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        Encoding.ASCII.GetBytes(id, _id);
        _document.ResetWrittenCount();
        _json.Reset(_document);
        var w = _json;
        w.WriteStartObject();
        w.WriteString("@timestamp", LogLineFields.TimestampOf(text) is { } at ? Format(at) : _nowText);
        w.WriteString("message", text);
        w.WriteStartObject("log");
        if (LogLineFields.LevelOf(text) is { } level)
        {
            w.WriteString("level", level);
        }

        w.WriteStartObject("file");
        w.WriteString("path", entry);
        w.WriteNumber("line", number);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("file");
        w.WriteString("name", entry);
        w.WriteEndObject();
        w.WriteStartObject("labels");
        w.WriteString("ticket", _ticket);
        w.WriteString("platform", _platform);
        w.WriteString("upload_id", _upload);
        if (truncated)
        {
            w.WriteString("truncated", "true");
        }

        w.WriteEndObject();
        w.WriteStartObject("service");
        w.WriteString("name", _options.Dataset);
        w.WriteString("environment", _options.Namespace);
        w.WriteEndObject();
        w.WriteStartObject("event");
        w.WriteString("id", id);
        w.WriteString("dataset", _options.Dataset);
        w.WriteString("ingested", _nowText);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
