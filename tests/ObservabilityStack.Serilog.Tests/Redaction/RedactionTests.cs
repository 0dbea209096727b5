using ObservabilityStack.Serilog.Formatting;
using ObservabilityStack.Serilog.Redaction;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Redaction;

public class RedactionTests
{
    [Theory]
    [InlineData("Password")]
    [InlineData("client_secret")]
    [InlineData("ApiToken")]
    [InlineData("Authorization")]
    [InlineData("Card_Number")]
    [InlineData("CreditCard")]
    public void PropertiesNamedLikeSecretsAreMaskedInLabelsAndMessage(string name)
    {
        var document = Json.Document(Some.Event($"Login with {{{name}}}", properties: (name, "hunter2")));
        document["message"]!.GetValue<string>().ShouldBe("Login with \"***\"");

        document.ToJsonString().ShouldNotContain("hunter2");
        document["labels"]!.AsObject().Single().Value!.GetValue<string>().ShouldBe("***");
    }

    [Fact]
    public void CardNumbersPassingLuhnAreMaskedInsideText()
    {
        var document = Json.Document(Some.Event("Paid with {Note}", properties: ("Note", "card 4111 1111 1111 1111 ok")));

        document["labels"]!["note"]!.GetValue<string>().ShouldBe("card *** ok");
        document["message"]!.GetValue<string>().ShouldNotContain("4111");
    }

    [Fact]
    public void LongDigitRunsFailingLuhnAreKept()
    {
        var document = Json.Document(Some.Event("Order {Reference}", properties: ("Reference", "4111111111111112")));

        document["labels"]!["reference"]!.GetValue<string>().ShouldBe("4111111111111112");
    }

    [Fact]
    public void BearerTokensAreMaskedWherever()
    {
        var document = Json.Document(Some.Event("Calling with {Header}", properties: ("Header", "Bearer eyJhbGciOiJIUzI1NiJ9.abc.def")));

        document["labels"]!["header"]!.GetValue<string>().ShouldBe("Bearer ***");
    }

    [Fact]
    public void DestructuredMembersNamedLikeSecretsAreMasked()
    {
        var login = new StructureValue([new("User", new ScalarValue("ann")), new("Password", new ScalarValue("hunter2"))]);
        var payment = new DictionaryValue([new(new ScalarValue("cvv"), new ScalarValue("123"))]);

        var document = Json.Document(Some.Event("Login {@Login} {@Payment}", properties: [("Login", login), ("Payment", payment)]));

        document["attributes"]!["Login"]!["User"]!.GetValue<string>().ShouldBe("ann");
        document["attributes"]!["Login"]!["Password"]!.GetValue<string>().ShouldBe("***");
        document["attributes"]!["Payment"]!["cvv"]!.GetValue<string>().ShouldBe("***");
        document.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public void ExceptionMessagesAreScannedForCardNumbers()
    {
        var document = Json.Document(Some.Event("x", LogEventLevel.Error, new InvalidOperationException("declined 4111111111111111")));

        document["error"]!["message"]!.GetValue<string>().ShouldBe("declined ***");
        document["error"]!["stack_trace"]!.GetValue<string>().ShouldNotContain("4111111111111111");
    }

    [Fact]
    public void ExtraSensitiveNamesCanBeConfigured()
    {
        var options = new EcsFormatterOptions();
        options.Redaction.SensitiveNames.Add("ssn");

        var document = Json.Document(Some.Event("x {CustomerSsn}", properties: ("CustomerSsn", "123-45-6789")), options);

        document["labels"]!["customer_ssn"]!.GetValue<string>().ShouldBe("***");
    }

    [Fact]
    public void RedactionCanBeTurnedOff()
    {
        var options = new EcsFormatterOptions { Redaction = new RedactionOptions { Enabled = false } };

        var document = Json.Document(Some.Event("x {Password}", properties: ("Password", "hunter2")), options);

        document["labels"]!["password"]!.GetValue<string>().ShouldBe("hunter2");
    }

    [Fact]
    public void CleanEventsKeepTheirPropertyDictionary()
    {
        var logEvent = Some.Information();

        new Redactor(new RedactionOptions()).Redact(logEvent.Properties).ShouldBeSameAs(logEvent.Properties);
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5500000000000004", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("123456789012", false)]
    [InlineData("1732258810123", false)]
    public void CardNumbersNeedANetworkPrefixAndLengthAndTheLuhnCheck(string candidate, bool expected) =>
        CardNumber.IsCardNumber(candidate).ShouldBe(expected);
}
