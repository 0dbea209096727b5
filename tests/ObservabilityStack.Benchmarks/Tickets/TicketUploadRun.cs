using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Benchmarks.Tickets;

/// <summary>
/// <c>load tickets [--lines 200000]</c>: a customer's tar.gz of application logs uploaded to a support ticket, from the
/// PUT to the 201 (stored, fsynced, every line durably queued for indexing). Baseline in the same run: gunzip, untar
/// and split the same archive into lines in memory, the least any upload path must do.
/// </summary>
public sealed class TicketUploadRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "tickets";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var index = Array.IndexOf(args, "--lines");
        var lines = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 200_000;
        var archive = Archive(lines);
        var directory = Directory.CreateTempSubdirectory("obs-tickets-load-").FullName;
        try
        {
            var baseline = Baseline(archive);
            var options = new GatewayOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = directory,
                LogToConsole = false,
                // Delivery is not measured here: the forwarder points at a closed port and the lines stay in the log.
                Elasticsearch = { Url = "http://127.0.0.1:9" },
            };
            options.Tickets.MaxUploadBytes = Math.Max(options.Tickets.MaxUploadBytes, archive.Length * 2L);
            var adminKey = ApiKeys.CreateAdmin(options.ResolveKeysFile(), DateTimeOffset.UtcNow).Key;
            await using var gateway = await GatewayHost.StartAsync(options, cancellationToken);
            using var http = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromMinutes(10) };
            var times = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var token = await CreateTicketAsync(http, adminKey, $"LOAD-{run}", cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/tickets/upload/app-logs.tar.gz") { Content = new ByteArrayContent(archive) };
                request.Headers.TryAddWithoutValidation("Authorization", "Ticket " + token);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request, cancellationToken);
                watch.Stop();
                if ((int)response.StatusCode != 201)
                {
                    Console.WriteLine($"upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return 1;
                }

                times.Add(watch.Elapsed.TotalSeconds);
            }

            var best = times.Min();
            Console.WriteLine($"archive: {archive.Length / 1024.0 / 1024.0:F1} MiB tar.gz, {lines:N0} lines ({baseline.Bytes / 1024.0 / 1024.0:F1} MiB of text)");
            Console.WriteLine($"baseline (gunzip + untar + split lines in memory): {lines / baseline.Seconds:N0} lines/s");
            Console.WriteLine($"upload to 201 (stored, fsynced, lines in the WAL), best of 3: {lines / best:N0} lines/s, {best:F2} s " +
                $"(runs {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s); ratio to baseline {baseline.Seconds / best:F2}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> CreateTicketAsync(HttpClient http, string adminKey, string ticket, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets")
        {
            Content = JsonContent.Create(new CreateTicketRequest { Ticket = ticket, Platform = "shop" }, TicketJsonContext.Default.CreateTicketRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(TicketJsonContext.Default.CreatedTicket, cancellationToken))!.Token;
    }

    /// <summary>Four application log files with ISO timestamps, levels and the odd stack trace, as a tar.gz.</summary>
    private static byte[] Archive(int lines)
    {
        var random = new Random(7);
        var levels = new[] { "INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR" };
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            for (var file = 0; file < 4; file++)
            {
                var text = new StringBuilder();
                for (var i = file; i < lines; i += 4)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"{start.AddMilliseconds(i * 37):yyyy-MM-dd HH:mm:ss,fff} {levels[random.Next(levels.Length)]} [worker-{random.Next(8)}] OrderService - order o-{random.Next(100_000)} moved to state {random.Next(6)} after {random.Next(900)} ms\n");
                }

                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"logs/app-{file}.log") { DataStream = new MemoryStream(bytes) });
            }
        }

        return output.ToArray();
    }

    private static (double Seconds, long Bytes) Baseline(byte[] archive)
    {
        var best = double.MaxValue;
        long bytes = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            bytes = 0;
            var count = 0L;
            using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { DataStream: { } data })
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                while (reader.ReadLine() is { } line)
                {
                    count++;
                    bytes += line.Length + 1;
                }
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            GC.KeepAlive(count);
        }

        return (best, bytes);
    }
}
