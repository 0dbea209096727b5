using System.Buffers;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>Turns a <c>/v1/logs</c> body into log records plus per-event rejections.</summary>
internal static class LogsBatch
{
    /// <summary>Processes the body; a non-null result fails the whole request (403 for a forbidden event).</summary>
    public static BodyError? Process(ReadOnlySpan<byte> body, bool ndjson, ApiKeyRecord key, IntakeLimits limits, DateTimeOffset now,
        EventNormalizer normalizer, IBufferWriter<byte> records, List<(int Index, RejectReason Reason)> rejected, out int accepted)
    {
        accepted = 0;
        if (Utf8Check.Validate(body) is { } utf8)
        {
            return utf8;
        }

        var events = normalizer.Slices;
        if (LogsBodySplitter.Split(body, ndjson, limits, events) is { } split)
        {
            return split;
        }

        var context = new IntakeContext(key.Service, key.Environments, limits, now);
        for (var i = 0; i < events.Count; i++)
        {
            var slice = events[i];
            if (slice.Error is { } error)
            {
                rejected.Add((i, error));
                continue;
            }

            var outcome = normalizer.Normalize(body.Slice(slice.Start, slice.Length), slice.Start, context, records, null, out var reason);
            switch (outcome)
            {
                case EventOutcome.Accepted:
                    accepted++;
                    break;
                case EventOutcome.Rejected:
                    rejected.Add((i, reason));
                    break;
                default:
                    return new BodyError(403, reason);
            }
        }

        return null;
    }
}
