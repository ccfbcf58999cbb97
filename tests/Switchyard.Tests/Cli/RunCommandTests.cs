using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

/// <summary>
/// <c>switchyard run</c> in-process: what it tells the operator on stderr when it starts, on each
/// reload, and when it stops. Each step waits for the line it expects (its arrival is the signal).
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "switchyard-run-" + Guid.NewGuid().ToString("N"));

    private static string VirtualService(int weight) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: frontend
          namespace: default
        spec:
          hosts: [frontend]
          http:
          - route:
            - destination: {"{"}host: frontend{"}"}
              weight: {weight}
        """;

    public RunCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Saves as editors and kubectl-style tools do: a complete file renamed into place,
    /// so no reload sees it half-written.</summary>
    private void Save(string path, string text)
    {
        var staged = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(staged, text);
        File.Move(staged, path, overwrite: true);
    }

    [Fact]
    public async Task Run_logs_the_snapshot_it_serves_and_a_refused_edit_on_every_round_then_shuts_down()
    {
        var ct = TestContext.Current.CancellationToken;
        var vs = Path.Combine(_dir, "vs.yaml");
        File.WriteAllText(vs, VirtualService(100));
        var stderr = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", _dir, "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--access-log", "off"],
            new CliIo(TextWriter.Null, stderr, TextReader.Null), stop.Token), ct);
        try
        {
            var start = await stderr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            Assert.Contains(start, l => l.StartsWith("info[1100]: config v1: 1 resources, ", StringComparison.Ordinal));
            Assert.Contains(start, l => l.StartsWith("info[2000]: outbound listener on http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains(start, l => l.StartsWith("info[2001]: admin on http://127.0.0.1:", StringComparison.Ordinal));
            Assert.DoesNotContain(start, l => l.Contains("rejected", StringComparison.Ordinal));

            // A refused edit: reported with validate's line; the last good config keeps serving.
            var refused = $"warn[1003]: files: rejected: ERROR {vs}:11 VirtualService default/frontend spec.http[0].route[0].weight: weight -5 < 0";
            Save(vs, VirtualService(-5));
            var first = await stderr.ReadUntilAsync(l => l == refused, deadline.Token);
            Assert.DoesNotContain(first, l => l.Contains("config v2", StringComparison.Ordinal));

            // The same refused text saved again is another round, and is reported again.
            Save(vs, VirtualService(-5));
            await stderr.ReadUntilAsync(l => l == refused, deadline.Token);

            // A good edit goes live as the next version.
            Save(vs, VirtualService(50));
            await stderr.ReadUntilAsync(l => l.StartsWith("info[1100]: config v2: 1 resources, ", StringComparison.Ordinal), deadline.Token);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await run);
        await stderr.ReadUntilAsync(l => l == "info[2002]: shutting down", deadline.Token);
    }
}
