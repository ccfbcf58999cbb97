using System.Net;
using System.Net.Sockets;
using Switchyard.Cli;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// The README's <c>run</c> example, as a newcomer types it: <c>switchyard echo 8081 8082</c> for
/// stand-in backends, then <c>switchyard run -f examples/local</c>, then curl with
/// <c>Host: frontend</c>. The shipped file is used as it is, its two ports moved to free ones
/// (8081 and 8082 may be taken on a shared machine).
/// </summary>
public class RunLocalExampleTests
{
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Run_on_examples_local_serves_both_subsets_from_the_ServiceEntry_endpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var (v1, v2) = (FreePort(), FreePort());
        using var dir = new ConfigDirectory();
        var shipped = await File.ReadAllTextAsync(CliRunner.Example("local", "frontend.yaml"), ct);
        Assert.Contains("http: 8081", shipped);
        Assert.Contains("http: 8082", shipped);
        dir.Write("frontend.yaml", shipped.Replace("http: 8081", $"http: {v1}").Replace("http: 8082", $"http: {v2}"));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var echoOut = new LineChannelWriter();
        var echo = Task.Run(() => CliApp.RunAsync(["echo", $"{v1}", $"{v2}"], new CliIo(echoOut, TextWriter.Null, TextReader.Null), stop.Token), ct);
        var runErr = new LineChannelWriter();
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", dir.Root, "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--access-log", "off"],
            new CliIo(TextWriter.Null, runErr, TextReader.Null), stop.Token), ct);
        try
        {
            await echoOut.ReadUntilAsync(l => l.StartsWith("Running;", StringComparison.Ordinal), deadline.Token);
            var started = await runErr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            Assert.DoesNotContain(started, l => l.Contains("rejected", StringComparison.Ordinal));
            var proxy = new Uri(started[^1]["switchyard proxy on ".Length..].Split(',')[0]);

            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var answeredBy = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < 40; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, proxy);
                request.Headers.Host = "frontend";
                using var response = await client.SendAsync(request, deadline.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var first = (await response.Content.ReadAsStringAsync(deadline.Token)).Split('\n')[0];
                answeredBy[first] = answeredBy.GetValueOrDefault(first) + 1;
            }
            // A 50/50 split over 40 requests: both subsets answer (P(all one side) = 2^-39).
            string[] both = [$"backend 127.0.0.1:{v1}", $"backend 127.0.0.1:{v2}"];
            Assert.Equal(both.Order(StringComparer.Ordinal), answeredBy.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await run);
        Assert.Equal(0, await echo);
    }

    [Fact]
    public async Task Echo_on_a_port_in_use_is_one_error_line_and_exit_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var r = await Task.Run(() => CliRunner.Run("echo", $"{port}"), TestContext.Current.CancellationToken);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: 127.0.0.1:{port} is already in use", r.Err.Trim());
    }
}
