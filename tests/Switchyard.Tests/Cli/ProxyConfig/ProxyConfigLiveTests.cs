using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Proxy.Hosting;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli.ProxyConfig;

/// <summary><c>switchyard proxy-config</c> against a running proxy's admin port: the same tables
/// as offline, a saved dump read back, live endpoint health (an endpoint that refuses connections
/// is ejected: UNHEALTHY, FAILED), the listeners, and a dead admin address as one line, exit 1.</summary>
public class ProxyConfigLiveTests
{
    [Fact]
    public async Task A_running_proxy_shows_the_clusters_offline_translation_shows_and_a_saved_dump_reads_back_the_same()
    {
        await using var host = await StartAsync([CliRunner.Example("local")]);
        var admin = host.AdminUri!.ToString();
        var live = CliRunner.Run("proxy-config", "clusters", "--admin", admin);
        Assert.Equal(0, live.ExitCode);
        Assert.Equal(CliRunner.Run("proxy-config", "clusters", "-f", CliRunner.Example("local")).Out, live.Out);

        using var dir = new ConfigDirectory();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var dump = dir.Write("dump.json", await http.GetStringAsync(host.AdminUri + "config_dump", TestContext.Current.CancellationToken));
        Assert.Equal(live.Out, CliRunner.Run("proxy-config", "clusters", "--file", dump).Out);

        var listeners = CliRunner.Run("pc", "listeners", "--admin", admin);
        Assert.Matches("^ADDRESSES +PORT +MATCH +DESTINATION$", listeners.OutLines[0]);
        Assert.Contains(listeners.OutLines, l => l.StartsWith("127.0.0.1 ", StringComparison.Ordinal) && l.Contains($" {host.ProxyUri.Port} ") && l.EndsWith("Route: by Host header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_outlier_detection_ejected_is_UNHEALTHY_and_FAILED()
    {
        using var refused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        refused.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)refused.LocalEndPoint!).Port;
        using var dir = new ConfigDirectory();
        dir.Write("mesh.yaml", $$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: dead, namespace: default}
            spec:
              hosts: [dead.example]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - address: 127.0.0.1
                ports: {http: {{port}}}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: dead, namespace: default}
            spec:
              host: dead.example
              trafficPolicy:
                outlierDetection: {consecutive5xxErrors: 1, maxEjectionPercent: 100, baseEjectionTime: 300s}
            """);
        await using var host = await StartAsync([dir.Root]);
        var admin = host.AdminUri!.ToString();
        var before = CliRunner.Run("pc", "endpoints", "--admin", admin);
        Assert.Equal($"127.0.0.1:{port}     HEALTHY     OK                outbound|80||dead.example", before.OutLines[1]);

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, host.ProxyUri) { Headers = { Host = "dead.example" } };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);

        var after = CliRunner.Run("pc", "endpoints", "--admin", admin, "--status", "UNHEALTHY");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(["ENDPOINT            STATUS        OUTLIER CHECK     CLUSTER", $"127.0.0.1:{port}     UNHEALTHY     FAILED            outbound|80||dead.example"], after.OutLines);
    }

    [Fact]
    public void A_dead_admin_address_is_one_line_and_exit_1()
    {
        using var refused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        refused.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var r = CliRunner.Run("pc", "routes", "--admin", $"127.0.0.1:{((IPEndPoint)refused.LocalEndPoint!).Port}");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.StartsWith("error: cannot reach the admin API at http://127.0.0.1:", r.Err);
    }

    private static Task<SwitchyardHost> StartAsync(string[] config) => SwitchyardHost.StartAsync(new SwitchyardHostOptions
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        Admin = new IPEndPoint(IPAddress.Loopback, 0),
        ConfigFiles = config,
        LoggerFactory = NullLoggerFactory.Instance,
    }, TestContext.Current.CancellationToken);
}
