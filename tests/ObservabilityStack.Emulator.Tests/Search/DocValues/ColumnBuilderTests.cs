using System.Text;
using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

public sealed class ColumnBuilderTests
{
    private static readonly string[] Sources =
    [
        """{"f":"b"}""",
        """{"f":["c","a","c"]}""",
        """{"f":null}""",
        """{"f":12.50}""",
        """{"f":{"nested":"object"}}""",
        """{"g":1}""",
    ];

    [Fact]
    public void KeywordOrdinalsFollowStringOrderAndMultiValuedDocumentsKeepTheirSourceOrder()
    {
        var column = (KeywordColumn)new RunColumns(new Run(Sources)).Get(0, Spec("f").KeywordColumn, ColumnPlan.None);

        column.Terms.ShouldBe(["12.50", "a", "b", "c"]);
        column.OrdinalAt(0).ShouldBe(2);
        column.OrdinalAt(1).ShouldBe(KeywordColumn.Multiple);
        column.OrdinalsAt(1).ShouldBe([3, 1, 3]);
        column.OrdinalAt(2).ShouldBe(KeywordColumn.Missing);
        column.OrdinalAt(4).ShouldBe(KeywordColumn.Missing);
        column.OrdinalOf("b").ShouldBe(2);
        column.OrdinalOf("zz").ShouldBeLessThan(0);
        var values = new List<string>();
        column.AddStrings(1, values);
        values.ShouldBe(["c", "a", "c"]);
    }

    [Fact]
    public void ExistsCountsObjectsButNotNullsAndNumbersSkipWhatDoesNotParse()
    {
        var columns = new RunColumns(new Run(Sources));
        var exists = (ExistsColumn)columns.Get(0, Spec("f").ExistsColumn, ColumnPlan.None);
        var numbers = (NumberColumn)columns.Get(0, Spec("f", """{"f":{"type":"double"}}""").NumberColumn, ColumnPlan.None);

        Enumerable.Range(0, Sources.Length).Select(exists.Has).ShouldBe([true, true, false, true, true, false]);
        var values = new List<double>();
        for (var i = 0; i < Sources.Length; i++)
        {
            numbers.AddNumbers(i, values);
        }

        values.ShouldBe([12.5]);
    }

    [Fact]
    public void AFieldNoDocumentHasCostsNoPerDocumentArrays()
    {
        var columns = new RunColumns(new Run(Sources));

        var keyword = (KeywordColumn)columns.Get(0, Spec("absent").KeywordColumn, ColumnPlan.None);
        var number = (NumberColumn)columns.Get(0, Spec("absent", """{"absent":{"type":"long"}}""").NumberColumn, ColumnPlan.None);

        keyword.Terms.ShouldBeEmpty();
        keyword.MemoryBytes.ShouldBeLessThan(100);
        number.MemoryBytes.ShouldBeLessThan(100);
        columns.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    private static ResolvedField Spec(string path, string properties = "{}") => ResolvedField.Resolve(path, new TestMappings(properties));

    private sealed class Run(string[] sources) : IRunSource
    {
        public int Length => sources.Length;

        public ReadOnlyMemory<byte> SourceAt(int position) => Encoding.UTF8.GetBytes(sources[position]);
    }
}
