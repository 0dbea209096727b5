using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tests.Wal;

/// <summary>A write-ahead log in a temporary directory, with helpers to append and read back ids.</summary>
internal sealed class WalTestLog : IAsyncDisposable
{
    public WalTestLog(WalOptions? options = null, string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "obs-wal-" + Guid.NewGuid().ToString("N"));
        Options = options ?? new WalOptions();
        Log = new WriteAheadLog(Directory, Options, NullLogger.Instance);
        Log.Open();
    }

    public string Directory { get; }

    public WalOptions Options { get; }

    public WriteAheadLog Log { get; private set; }

    public static byte[] Records(params string[] ids)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var id in ids)
        {
            WalRecord.Write(buffer, 1_700_000_000_000, "logs-shop_api-production", Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes($"{{\"message\":\"{id}\"}}"));
        }

        return buffer.WrittenSpan.ToArray();
    }

    public Task<WalAppendResult> AppendAsync(params string[] ids) => Log.AppendAsync(Records(ids));

    public List<string> ReadAll(long from = -1)
    {
        using var reader = new WalReader(Log, from < 0 ? Log.CheckpointPosition : from, NullLogger.Instance);
        var ids = new List<string>();
        while (reader.ReadBatch(1000, 1 << 20) is { } batch)
        {
            using (batch)
            {
                ids.AddRange(batch.Entries.Select(e => e.IdString));
            }
        }

        return ids;
    }

    public async Task ReopenAsync()
    {
        await Log.DisposeAsync();
        Log = new WriteAheadLog(Directory, Options, NullLogger.Instance);
        Log.Open();
    }

    public string[] Segments() => System.IO.Directory.GetFiles(Directory, "*.wal").Order(StringComparer.Ordinal).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
