using System.Buffers;
using System.Text;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>Rejects bodies that are not valid UTF-8, naming the first bad byte.</summary>
internal static class Utf8Check
{
    public static BodyError? Validate(ReadOnlySpan<byte> body)
    {
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        var offset = 0;
        while (offset < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != OperationStatus.Done ||
                consumed == 0)
            {
                break;
            }

            offset += consumed;
        }

        return new BodyError(400, new RejectReason("invalid_utf8", $"invalid UTF-8 at byte {offset}"));
    }
}
