using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>Reads a request body into a pooled buffer under a size limit, inflating gzip under the same limit.</summary>
internal static class BodyReader
{
    /// <summary>The body, or the error to answer with. The caller returns <see cref="PooledBody.Dispose"/>.</summary>
    public static async Task<(PooledBody? Body, BodyError? Error)> ReadAsync(HttpRequest request, IntakeLimits limits, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        var max = limits.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return (null, TooLarge(request.ContentLength.Value, max));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // Our own limit below decides; Kestrel's default (30 MB) must not answer first with its own text.
            sizeFeature.MaxRequestBodySize = null;
        }

        var raw = await ReadLimitedAsync(request.Body, max, (int)(request.ContentLength ?? 16 * 1024), pool, cancellationToken);
        if (raw.Error is not null)
        {
            return (null, raw.Error);
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (raw.Body, null);
        }

        if (!encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            raw.Body!.Dispose();
            return (null, new BodyError(415, new RejectReason("unsupported_encoding", $"Content-Encoding '{encoding}' is not supported (use gzip)")));
        }

        using var compressed = raw.Body!;
        return await InflateAsync(compressed, max, pool, cancellationToken);
    }

    private static async Task<(PooledBody? Body, BodyError? Error)> InflateAsync(PooledBody compressed, int max, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new MemoryStream(compressed.Array, 0, compressed.Length, writable: false);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var inflated = await ReadLimitedAsync(gzip, max, compressed.Length * 4, pool, cancellationToken);
            if (inflated.Error is not null)
            {
                return (null, new BodyError(413, new RejectReason("body_too_large", $"decompressed body is larger than {max} bytes")));
            }

            // A truncated stream can end without an exception; the gzip trailer's length must match.
            if (compressed.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(compressed.Span[^4..]) != (uint)inflated.Body!.Length)
            {
                inflated.Body?.Dispose();
                return (null, new BodyError(400, new RejectReason("invalid_gzip", "truncated or corrupt gzip body")));
            }

            return (inflated.Body, null);
        }
        catch (InvalidDataException ex)
        {
            return (null, new BodyError(400, new RejectReason("invalid_gzip", $"invalid gzip body: {ex.Message}")));
        }
    }

    private static async Task<(PooledBody? Body, BodyError? Error)> ReadLimitedAsync(Stream stream, int max, int sizeHint, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        // A limit below 4 KiB must not make the lower bound exceed the upper one (that threw, answering 500).
        var buffer = pool.Rent(Math.Clamp(sizeHint + 1, Math.Min(4096, max + 1), max + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        pool.Return(buffer);
                        return (null, TooLarge(length, max));
                    }

                    var bigger = pool.Rent((int)Math.Min((long)buffer.Length * 2, max + 1L));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    pool.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > max)
                {
                    pool.Return(buffer);
                    return (null, TooLarge(length, max));
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }

        return (new PooledBody(pool, buffer, length), null);
    }

    private static BodyError TooLarge(long length, int max) =>
        new(413, new RejectReason("body_too_large", $"body of {(length > max ? "more than " + max : length.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes is larger than the limit of {max} bytes"));
}
