using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator;

/// <summary>Writes a JSON file so readers never see half of it: write a temp file, then rename over the old one.</summary>
internal static class AtomicJsonFile
{
    public static void Write(string path, JsonNode content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(stream))
        {
            content.WriteTo(writer);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static JsonObject? Read(string? path) =>
        path is not null && File.Exists(path) ? JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject : null;
}
