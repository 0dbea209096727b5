using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>Archives as customers send them, built in memory.</summary>
internal static class Bundles
{
    public static byte[] TarGz(params (string Name, byte[] Content)[] files) => Gzip(Tar(files));

    public static byte[] Tar(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }

        return output.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public static byte[] Text(params string[] lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
}
