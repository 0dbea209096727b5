using System.Reflection;
using System.Text;
using ObservabilityStack.Serilog.Formatting;

namespace ObservabilityStack.Serilog.Tests.Approval;

/// <summary>
/// Snapshot of the library's public surface (Serilog's approval-test habit): a change to it fails here until
/// <c>PublicApi.approved.txt</c> is updated on purpose. The received file is written beside the test output.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void ThePublicApiMatchesTheApprovedSnapshot()
    {
        var received = Describe(typeof(EcsJsonFormatter).Assembly);
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Approval", "PublicApi.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (received != approved)
        {
            var receivedPath = Path.Combine(AppContext.BaseDirectory, "Approval", "PublicApi.received.txt");
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public API changed. Review {receivedPath} and copy it over Approval/PublicApi.approved.txt if intended.");
        }
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName);
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(Enum) && baseType != typeof(ValueType))
            {
                text.Append(" : ").Append(Name(baseType));
            }

            text.Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(Member)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
        : type is { IsAbstract: true, IsSealed: true } ? "static class" : type.IsAbstract ? "abstract class"
        : type.IsSealed ? "sealed class" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type t => $"nested {t.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;
}
