using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Core;

public sealed class CommandCatalogTests
{
    private static readonly RootCommand Root = CommandLine.Build(new CliHarness().CreateEnvironment());

    private static IEnumerable<(string Path, Command Command)> AllCommands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = $"{path} {sub.Name}";
            yield return (subPath, sub);
            foreach (var nested in AllCommands(sub, subPath))
            {
                yield return nested;
            }
        }
    }

    [Fact]
    public void NoTwoCommandsShareAPath()
    {
        var definitions = CommandCatalog.Create(new CliHarness().CreateEnvironment());
        var duplicates = definitions.GroupBy(d => d.CommandPath).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        duplicates.ShouldBeEmpty();
        var siblings = AllCommands(Root, "obs").GroupBy(c => c.Path).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        siblings.ShouldBeEmpty();
    }

    [Fact]
    public void EveryCommandHasItsOwnNonEmptyHelpText()
    {
        var commands = AllCommands(Root, "obs").ToList();
        commands.ShouldNotBeEmpty();
        foreach (var (path, command) in commands)
        {
            command.Description.ShouldNotBeNullOrWhiteSpace($"{path} has no help text");
        }

        // Copied help text (a real bug in other CLIs) shows up as two commands with the same description.
        var copied = commands.GroupBy(c => c.Command.Description).Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(c => c.Path))).ToList();
        copied.ShouldBeEmpty();
    }

    [Fact]
    public void EveryOptionAndArgumentHasItsOwnNonEmptyHelpTextWithinItsCommand()
    {
        foreach (var (path, command) in AllCommands(Root, "obs"))
        {
            var symbols = command.Options.Cast<Symbol>().Concat(command.Arguments).ToList();
            foreach (var symbol in symbols)
            {
                symbol.Description.ShouldNotBeNullOrWhiteSpace($"{path} {symbol.Name} has no help text");
            }

            var copied = symbols.GroupBy(s => s.Description).Where(g => g.Count() > 1)
                .Select(g => $"{path}: {string.Join(", ", g.Select(s => s.Name))}").ToList();
            copied.ShouldBeEmpty();
            var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key);
            names.ShouldBeEmpty($"{path} has duplicate option names");
        }
    }

    [Fact]
    public void TheArchitectureCommandsExist()
    {
        var paths = AllCommands(Root, "obs").Select(c => c.Path).ToList();
        paths.ShouldContain("obs up");
        paths.ShouldContain("obs emulator");
        paths.ShouldContain("obs logs");
        paths.ShouldContain("obs bench");
    }
}
