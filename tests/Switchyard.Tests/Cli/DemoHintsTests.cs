using System.Net;
using Switchyard.Cli;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// What <c>demo</c> tells a newcomer works as printed: the curl lines appear only when the proxy
/// stays up (<c>--keep-running</c>), the proxy variable is the lower-case <c>http_proxy</c> curl
/// reads (it ignores <c>HTTP_PROXY</c>), and <c>--host</c> picks the host the traffic goes to.
/// </summary>
public class DemoHintsTests
{
    /// <summary>A Service and a one-version Deployment for <paramref name="app"/>.</summary>
    private static string App(string app) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {app}
          namespace: default
        spec:
          selector: {"{"}app: {app}{"}"}
          ports:
          - name: http
            port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {app}-v1
          namespace: default
        spec:
          selector:
            matchLabels: {"{"}app: {app}, version: v1{"}"}
          template:
            metadata:
              labels: {"{"}app: {app}, version: v1{"}"}
        ---

        """;

    [Fact]
    public async Task Without_keep_running_no_curl_line_is_printed_for_a_proxy_that_is_gone()
    {
        var r = await Task.Run(() => CliRunner.Run("demo", "--config", CliRunner.Example("frontend"), "--requests", "20"), TestContext.Current.CancellationToken);
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.DoesNotContain("Try it", r.Out);
        Assert.DoesNotContain("curl -H", r.Out);
        Assert.DoesNotContain("http_proxy=", r.Out);
        Assert.Contains("The proxy and backends stop now; add --keep-running to keep them up and curl them.", r.OutLines);
    }

    [Fact]
    public async Task Host_chooses_where_the_traffic_goes_and_an_unknown_host_lists_the_known_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new ConfigDirectory();
        dir.Write("apps.yaml", App("alpha") + App("beta"));

        var byDefault = await Task.Run(() => CliRunner.Run("demo", "--config", dir.Root, "--requests", "10"), ct);
        Assert.True(byDefault.ExitCode == 0, byDefault.Out + byDefault.Err);
        Assert.Contains("10 requests to http://alpha/ through the proxy:", byDefault.Out);

        var beta = await Task.Run(() => CliRunner.Run("demo", "--config", dir.Root, "--requests", "10", "--host", "beta"), ct);
        Assert.True(beta.ExitCode == 0, beta.Out + beta.Err);
        Assert.Contains("10 requests to http://beta/ through the proxy:", beta.Out);
        Assert.Contains(beta.OutLines, l => l.StartsWith("beta v1 ", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2] == "10");

        var unknown = await Task.Run(() => CliRunner.Run("demo", "--config", dir.Root, "--requests", "10", "--host", "gamma"), ct);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal($"error: --host gamma: no such host in {dir.Root}; its hosts: alpha, beta", unknown.Err.Trim());
    }

    [Fact]
    public async Task With_keep_running_the_printed_curl_lines_reach_the_backends()
    {
        var ct = TestContext.Current.CancellationToken;
        var stdout = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var demo = Task.Run(() => CliApp.RunAsync(["demo", "--config", CliRunner.Example("frontend"), "--requests", "10", "--keep-running"],
            new CliIo(stdout, TextWriter.Null, TextReader.Null), stop.Token), ct);
        try
        {
            var lines = await stdout.ReadUntilAsync(l => l.StartsWith("Running;", StringComparison.Ordinal), deadline.Token);

            // curl -H 'Host: frontend' http://127.0.0.1:PORT/
            var hostLine = lines.Single(l => l.StartsWith("Try it:  curl -H 'Host: frontend' ", StringComparison.Ordinal));
            var proxy = new Uri(hostLine.Split(' ')[^1]);
            using (var direct = new HttpClient(new SocketsHttpHandler { UseProxy = false }))
            using (var request = new HttpRequestMessage(HttpMethod.Get, proxy))
            {
                request.Headers.Host = "frontend";
                using var response = await direct.SendAsync(request, deadline.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.StartsWith("frontend v", await response.Content.ReadAsStringAsync(deadline.Token));
            }

            // http_proxy=http://127.0.0.1:PORT/ curl http://frontend/ — lower case, as curl reads it.
            var proxyLine = lines.Single(l => l.Contains("curl http://frontend/", StringComparison.Ordinal)).Trim();
            Assert.StartsWith($"http_proxy={proxy} curl http://frontend/", proxyLine);
            using (var viaProxy = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(proxy), UseProxy = true }))
            {
                using var response = await viaProxy.GetAsync("http://frontend/", deadline.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.StartsWith("frontend v", await response.Content.ReadAsStringAsync(deadline.Token));
            }

            // curl http://127.0.0.1:PORT/config_dump
            var dumpLine = lines.Single(l => l.EndsWith("config_dump", StringComparison.Ordinal)).Trim();
            using (var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }))
            {
                using var response = await admin.GetAsync(dumpLine.Split(' ')[^1], deadline.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await demo);
    }
}
