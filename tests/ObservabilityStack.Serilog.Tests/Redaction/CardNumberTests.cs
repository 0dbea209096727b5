using ObservabilityStack.Serilog.Redaction;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Redaction;

public class CardNumberTests
{
    private static readonly Redactor Redactor = new(new RedactionOptions());

    /// <summary>Published test numbers of each network, with the grouping its cards are printed in.</summary>
    public static TheoryData<string, string, int[]> TestCards => new()
    {
        { "Visa", "4111111111111111", [4, 4, 4, 4] },
        { "Visa", "4012888888881881", [4, 4, 4, 4] },
        { "Visa 13 digits", "4222222222222", [4, 4, 4, 1] },
        { "Visa 19 digits", "4111111111111111003", [4, 4, 4, 4, 3] },
        { "Mastercard 51-55", "5555555555554444", [4, 4, 4, 4] },
        { "Mastercard 51-55", "5105105105105100", [4, 4, 4, 4] },
        { "Mastercard 2221-2720", "2223003122003222", [4, 4, 4, 4] },
        { "American Express", "378282246310005", [4, 6, 5] },
        { "American Express", "371449635398431", [4, 6, 5] },
        { "Discover 6011", "6011111111111117", [4, 4, 4, 4] },
        { "Discover 644-649", "6445644564456445", [4, 4, 4, 4] },
        { "Discover 65", "6500000000000002", [4, 4, 4, 4] },
        { "JCB", "3530111333300000", [4, 4, 4, 4] },
        { "JCB", "3566002020360505", [4, 4, 4, 4] },
        { "Diners Club 300-305", "30569309025904", [4, 6, 4] },
        { "Diners Club 36", "36227206271667", [4, 6, 4] },
        { "Diners Club 38", "38520000023237", [4, 6, 4] },
        { "UnionPay", "6200000000000005", [4, 4, 4, 4] },
        { "UnionPay 19 digits", "6212000000000000005", [4, 4, 4, 4, 3] },
        { "Maestro 50", "5018000000000009", [4, 4, 4, 4] },
        { "Maestro 58, 19 digits", "5800000000000000008", [4, 4, 4, 4, 3] },
        { "Maestro 63", "6304000000000000", [4, 4, 4, 4] },
        { "Maestro 67", "6759649826438453", [4, 4, 4, 4] },
        { "Mir", "2200000000000004", [4, 4, 4, 4] },
    };

    [Theory]
    [MemberData(nameof(TestCards))]
    public void EveryNetworksTestCardIsMaskedInEachWrittenForm(string network, string digits, int[] groups)
    {
        foreach (var written in new[] { digits, Grouped(digits, groups, ' '), Grouped(digits, groups, '-') })
        {
            Redactor.RedactText($"paid with {written}, thanks").ShouldBe("paid with ***, thanks", $"{network} written as {written}");
            Redactor.RedactText(written).ShouldBe("***", $"{network} written as {written}");
            Redactor.RedactText($"card=\"{written}\"").ShouldBe("card=\"***\"", $"{network} written as {written}");
        }
    }

    [Theory]
    [InlineData("declined 4111111111111111.", "declined ***.")]
    [InlineData("GET /cards/4111111111111111/charge?pan=5555555555554444&x=1", "GET /cards/***/charge?pan=***&x=1")]
    [InlineData("4111 1111 1111 1111 123 (with its CVV)", "*** 123 (with its CVV)")]
    [InlineData("two: 4111111111111111,5555555555554444", "two: ***,***")]
    [InlineData("(4111-1111-1111-1111)", "(***)")]
    public void CardNumbersAmongPunctuationAreMasked(string text, string expected) =>
        Redactor.RedactText(text).ShouldBe(expected);

    [Theory]
    [InlineData("ord-1795328232413-9943", "the order id the shop logged as ord-***")]
    [InlineData("ord-4111111111111111-9943", "a Visa-shaped number inside a hyphenated id")]
    [InlineData("ord-4111111111111111-r7f3", "hex-time order id with a -r suffix")]
    [InlineData("acct4111111111111111", "digits glued to letters before")]
    [InlineData("4111111111111111r2", "digits glued to letters after")]
    [InlineData("id_4111111111111111", "glued by an underscore")]
    [InlineData("41111111111111111115", "embedded in a 20-digit number")]
    [InlineData("12345-4111111111111111", "embedded in a hyphenated longer number")]
    [InlineData("4111-1111-1111-1111-1111", "a longer hyphen-grouped number")]
    [InlineData("1.4111111111111111", "the decimals of a number")]
    [InlineData("1732258810123", "an epoch-ms timestamp passing Luhn")]
    [InlineData("1732258810123452", "an epoch-us timestamp passing Luhn")]
    [InlineData("call +4915112345678", "a phone number in E.164 form passing Luhn")]
    [InlineData("+49 1511 2345678", "a phone number with spaces")]
    [InlineData("DE12 4111 1111 1111 1111 00", "an IBAN whose digits hold a Visa-shaped run")]
    [InlineData("DE12411111111111111100", "an IBAN written without spaces")]
    [InlineData("1234 4111 1111 1111 1111", "a longer space-grouped number")]
    [InlineData("9123456789012348", "16 digits passing Luhn with no card prefix")]
    [InlineData("12345678901237", "14 digits passing Luhn with no card prefix")]
    [InlineData("6000000000000007", "a 60 prefix (no network here)")]
    [InlineData("411111111111111", "a Visa prefix with 15 digits (Visa issues 13, 16, 19)")]
    [InlineData("37828224631000", "an Amex prefix with 14 digits")]
    [InlineData("4111111111111112", "a Visa-shaped number failing Luhn")]
    public void NumbersThatAreNotStandaloneCardNumbersAreKept(string text, string why) =>
        Redactor.RedactText(text).ShouldBe(text, why);

    [Theory]
    [InlineData("1732258810123")]
    [InlineData("4915112345678")]
    [InlineData("9123456789012348")]
    [InlineData("4111111111111111")]
    public void TheKeptNumbersPassLuhnSoThePrefixAndBoundaryRulesAreWhatKeepsThem(string digits) =>
        CardNumber.PassesLuhn(digits).ShouldBeTrue();

    [Theory]
    [InlineData("card")]
    [InlineData("Card")]
    [InlineData("cardNumber")]
    [InlineData("card_no")]
    [InlineData("paymentCard")]
    [InlineData("payment.card.number")]
    [InlineData("pan")]
    [InlineData("PAN")]
    [InlineData("cardPan")]
    [InlineData("PANNumber")]
    public void FieldsNamedLikeACardAreMaskedWhateverTheirContent(string name)
    {
        var document = Json.Document(Some.Event("Paid {Amount}", properties: [(name, "tok_visa_4242"), ("Amount", 12)]));

        document["labels"]!.AsObject().Single(l => l.Key != "amount").Value!.GetValue<string>().ShouldBe("***");
        document.ToJsonString().ShouldNotContain("tok_visa_4242");
    }

    [Theory]
    [InlineData("company")]
    [InlineData("span")]
    [InlineData("discard")]
    [InlineData("cardinality")]
    [InlineData("cardType")]
    [InlineData("expand")]
    public void NamesMerelyContainingCardOrPanAreKept(string name)
    {
        Redactor.IsSensitiveName(name).ShouldBeFalse();
    }

    [Fact]
    public void CardNamesAreNotMaskedWhenCardMaskingIsOff()
    {
        var redactor = new Redactor(new RedactionOptions { MaskCardNumbers = false });

        redactor.IsSensitiveName("pan").ShouldBeFalse();
        redactor.RedactText("4111111111111111").ShouldBe("4111111111111111");
    }

    private static string Grouped(string digits, int[] groups, char separator)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var length in groups)
        {
            parts.Add(digits.Substring(at, length));
            at += length;
        }

        at.ShouldBe(digits.Length, "the grouping covers every digit");
        return string.Join(separator, parts);
    }
}
