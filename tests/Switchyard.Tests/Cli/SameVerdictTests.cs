using System.Text.Json;
using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

/// <summary>
/// One input, four commands, one verdict: what <c>run</c> rejects is an error in <c>validate</c>
/// and <c>analyze</c>, and <c>demo</c> refuses it, each naming the same resource at the same
/// file:line with the same message, because all four load and admit config the same way.
/// </summary>
public sealed class SameVerdictTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "switchyard-verdict-" + Guid.NewGuid().ToString("N"));

    private const string DestinationRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: frontend
          namespace: default
        spec:
          host: frontend
          subsets:
          - {name: v1, labels: {version: v1}}
        """;

    private const string VirtualServiceWithNegativeWeight = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: frontend
          namespace: default
        spec:
          hosts: [frontend]
          http:
          - route:
            - destination: {host: frontend, subset: v1}
              weight: -5
        """;

    public SameVerdictTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_invalid_field_value_is_the_same_error_in_validate_analyze_run_and_demo()
    {
        Write("dr.yaml", DestinationRule);
        Write("vs.yaml", VirtualServiceWithNegativeWeight);
        var verdict = await SameVerdictAsync();
        var line = Assert.Single(verdict);
        Assert.StartsWith($"ERROR {Path.Combine(_dir, "vs.yaml")}:11 VirtualService default/frontend spec.http[0].route[0].weight: ", line);
    }

    [Fact]
    public async Task A_resource_defined_in_two_files_is_the_same_error_in_validate_analyze_run_and_demo()
    {
        Write("dr-a.yaml", DestinationRule);
        Write("dr-b.yaml", DestinationRule);
        var verdict = await SameVerdictAsync();
        var line = Assert.Single(verdict);
        // Istio keeps the first definition; the second is the one turned away.
        Assert.StartsWith($"ERROR {Path.Combine(_dir, "dr-b.yaml")}:1 DestinationRule default/frontend", line);
        Assert.Contains("more than once", line);
    }

    /// <summary>Runs the four commands; asserts they agree; returns the verdict as validate's lines.</summary>
    private async Task<List<string>> SameVerdictAsync()
    {
        var validate = CliRunner.Run("validate", "-f", _dir);
        Assert.True(validate.ExitCode == 1, validate.Out + validate.Err);
        var verdict = validate.OutLines.Where(l => l.StartsWith("ERROR ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(verdict);

        var demo = await Task.Run(() => CliRunner.Run("demo", "--config", _dir, "--requests", "5"), TestContext.Current.CancellationToken);
        Assert.True(demo.ExitCode == 1, demo.Out + demo.Err);
        Assert.Equal(verdict, demo.Err.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("ERROR ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var (logged, listed) = await RunAndReadRejectionsAsync();
        Assert.Equal(verdict, logged);
        Assert.Equal(verdict, listed);

        // analyze prints istioctl's form: "Error [IST....] (Kind ns/name file:line) message".
        var analyze = CliRunner.Run("analyze", "-f", _dir);
        Assert.NotEqual(0, analyze.ExitCode);
        var analyzeLines = (analyze.Out + analyze.Err).Split('\n', StringSplitOptions.TrimEntries);
        foreach (var line in verdict)
        {
            var (origin, message) = OriginAndMessage(line);
            Assert.Contains(analyzeLines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains($"({origin})", StringComparison.Ordinal) && l.EndsWith(message, StringComparison.Ordinal));
        }
        return verdict;
    }

    /// <summary>
    /// <c>switchyard run</c> in-process on port 0: the rejections it logs at start (stderr) and
    /// the ones its admin API lists (<c>/rejected</c>), both in validate's line form.
    /// </summary>
    private async Task<(List<string> Logged, List<string> Listed)> RunAndReadRejectionsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var stderr = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var io = new CliIo(TextWriter.Null, stderr, TextReader.Null);
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", _dir, "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--access-log", "off"], io, stop.Token), ct);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            var lines = await stderr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            const string Marker = "rejected: ";
            var logged = lines.Where(l => l.Contains(Marker, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..])
                // Every round logs its rejections again (the start-up catch-up round may come first): one per rejection counts.
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

            var admin = new Uri(lines[^1][(lines[^1].LastIndexOf("admin on ", StringComparison.Ordinal) + "admin on ".Length)..]);
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = admin };
            using var json = JsonDocument.Parse(await client.GetStringAsync("/rejected", ct));
            var listed = json.RootElement.EnumerateArray().Where(r => r.GetProperty("level").GetString() == "Error").Select(ValidateLine).Order(StringComparer.Ordinal).ToList();
            return (logged, listed);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await run);
        }
    }

    /// <summary>validate's line from one row of the admin API's /rejected JSON.</summary>
    private static string ValidateLine(JsonElement row)
    {
        string? Get(string name) => row.TryGetProperty(name, out var v) ? v.GetString() : null;
        var line = $"ERROR {Get("file")}:{row.GetProperty("line").GetInt32()} {Get("kind")} {Get("namespace")}/{Get("name")}";
        if (Get("field") is { } field) line += " " + field;
        return line + ": " + Get("message");
    }

    /// <summary>"ERROR file:line Kind ns/name rest" → ("Kind ns/name file:line", rest without a leading ": ").</summary>
    private static (string Origin, string Message) OriginAndMessage(string line)
    {
        var parts = line.Split(' ', 5);
        return ($"{parts[2]} {parts[3].TrimEnd(':')} {parts[1]}", parts[4]);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);
}
