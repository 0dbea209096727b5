using System.Text;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>Just enough MIME decoding for assertions: RFC 2047 headers and quoted-printable/base64 parts.</summary>
internal static partial class MimeText
{
    public static string Subject(string raw)
    {
        var match = SubjectLine().Match(raw);
        return match.Success ? DecodeWords(Unfold(match.Groups[1].Value)) : "";
    }

    /// <summary>The whole message with every quoted-printable and base64 part decoded, for Contains checks.</summary>
    public static string Decoded(string raw)
    {
        var text = raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        text = QpByte().Replace(text, m => m.Value);
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        var decoded = Encoding.UTF8.GetString(bytes.ToArray());
        foreach (Match block in Base64Block().Matches(raw))
        {
            try
            {
                decoded += "\n" + Encoding.UTF8.GetString(Convert.FromBase64String(block.Groups[1].Value.Replace("\r", "").Replace("\n", "")));
            }
            catch (FormatException)
            {
                // Not every long token is base64; skip what is not.
            }
        }

        return decoded;
    }

    private static string Unfold(string header) => header.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\n ", " ", StringComparison.Ordinal);

    private static string DecodeWords(string header) => EncodedWord().Replace(header, m =>
        m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : Encoding.UTF8.GetString(QpDecode(m.Groups[3].Value.Replace('_', ' ')))).Replace("?= =?", "", StringComparison.Ordinal);

    private static byte[] QpDecode(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length)
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)s[i]);
            }
        }

        return bytes.ToArray();
    }

    [GeneratedRegex(@"^Subject: (.*(?:\r?\n .*)*)", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"=[0-9A-F]{2}")]
    private static partial Regex QpByte();

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)")]
    private static partial Regex Base64Block();
}
