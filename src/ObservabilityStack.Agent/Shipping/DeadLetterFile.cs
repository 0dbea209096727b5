using System.Text;
using System.Text.Json;

namespace ObservabilityStack.Agent.Shipping;

/// <summary>
/// Events the gateway refused for good (a reason per event), appended with that reason to a local NDJSON
/// file and flushed to disk before the file position moves past them: never dropped silently.
/// </summary>
internal sealed class DeadLetterFile
{
    private readonly string _path;

    public DeadLetterFile(string path)
    {
        _path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
    }

    public string Path => _path;

    public void Append(IEnumerable<(PendingEvent Event, string Reason)> refused, DateTimeOffset now)
    {
        using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        foreach (var (e, reason) in refused)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("at", now);
                w.WriteString("reason", reason);
                w.WriteString("path", e.Line.Path);
                w.WriteNumber("offset", e.Line.Offset);
                w.WriteString("event", Encoding.UTF8.GetString(e.Json));
                w.WriteEndObject();
            }

            stream.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            stream.WriteByte((byte)'\n');
        }

        stream.Flush(flushToDisk: true);
    }
}
