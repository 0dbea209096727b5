namespace ObservabilityStack.Serilog.Redaction;

/// <summary>What is masked before an event leaves the process. Applied by the ECS formatter on the background thread.</summary>
public sealed class RedactionOptions
{
    /// <summary>The built-in sensitive name fragments, compared case-insensitively with <c>_</c>, <c>-</c> and <c>.</c> removed.</summary>
    public static IReadOnlyList<string> DefaultSensitiveNames { get; } =
        ["password", "passwd", "pwd", "secret", "token", "authorization", "apikey", "cardnumber", "creditcard", "cvv", "iban"];

    /// <summary>Whether redaction runs at all. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Name fragments: a property or destructured member whose normalized name contains one of them is masked.
    /// Default <see cref="DefaultSensitiveNames"/>; add to the list to extend it.
    /// </summary>
    public IList<string> SensitiveNames { get; set; } = [.. DefaultSensitiveNames];

    /// <summary>
    /// Mask card numbers in any text (standing alone, 13-19 digits in a row or in the usual groups, a known
    /// network's prefix and length, passing the Luhn check) and the values of fields named like a card
    /// (<c>card</c>, <c>cardNo</c>, <c>pan</c>). Default <c>true</c>.
    /// </summary>
    public bool MaskCardNumbers { get; set; } = true;

    /// <summary>Mask <c>Bearer &lt;token&gt;</c> values wherever they appear in text. Default <c>true</c>.</summary>
    public bool MaskBearerTokens { get; set; } = true;

    /// <summary>The text written in place of a masked value. Default <c>***</c>.</summary>
    public string Mask { get; set; } = "***";
}
