namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// A small stand-in for Elasticsearch's standard analyzer: lower-cases and splits on anything that is
/// not a letter or digit.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>Adds the tokens of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Tokenize(string text, List<string> output)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                output.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
    }

    /// <summary>The tokens of <paramref name="text"/> as a new list.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }
}
