using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Sources;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Admin;

/// <summary>The admin listener as an operator uses it: readiness, what is live, what was refused.</summary>
public class AdminTests
{
    private static readonly string Config = MeshYaml.Join(
        MeshYaml.DestinationRule("frontend", subsets: """
            - {name: v1, labels: {version: v1}}
            - {name: v2, labels: {version: v2}}
            """),
        MeshYaml.VirtualService("frontend", """
            - route:
              - {destination: {host: frontend, subset: v1}, weight: 90}
              - {destination: {host: frontend, subset: v2}, weight: 10}
            """));

    [Fact]
    public async Task Ready_is_503_PRE_INITIALIZING_before_any_snapshot_and_200_LIVE_once_one_is_applied()
    {
        var config = new InMemorySource();
        await using var server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = new IPEndPoint(IPAddress.Loopback, 0),
            Sources = [config],
            Random = new SeededRandom(1),
            LoggerFactory = NullLoggerFactory.Instance,
        }, TestContext.Current.CancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.AdminUri };

        var before = await GetAsync(client, "/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.Status);
        Assert.Equal("PRE_INITIALIZING", before.Body.Trim());
        Assert.Equal(0, Version(await GetAsync(client, "/config_dump")));

        var load = ConfigLoader.LoadText(ServiceEntryYaml.For("frontend", [(9, "app: frontend, version: v1")]), "se.yaml");
        config.Set(load.Resources);

        var after = await GetAsync(client, "/ready");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("LIVE", after.Body.Trim());
        Assert.Equal(1, Version(await GetAsync(client, "/config_dump")));
    }

    [Fact]
    public async Task Config_dump_is_json_with_the_version_virtual_hosts_and_clusters_with_their_endpoints()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        using var response = await client.GetAsync("/config_dump", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("version").GetInt64());

        var vhost = Assert.Single(root.GetProperty("virtualHosts").EnumerateArray(), v => v.GetProperty("name").GetString() == "frontend.default.svc.cluster.local");
        var domains = vhost.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains("frontend", domains);
        Assert.Contains("frontend.default.svc.cluster.local:80", domains);
        var destinations = vhost.GetProperty("routes").EnumerateArray().Single().GetProperty("destinations").EnumerateArray()
            .Select(d => (d.GetProperty("cluster").GetString()!, d.GetProperty("weight").GetInt32())).ToList();
        Assert.Equal(
            new List<(string, int)> { ("outbound|80|v1|frontend.default.svc.cluster.local", 90), ("outbound|80|v2|frontend.default.svc.cluster.local", 10) },
            destinations);

        var clusters = root.GetProperty("clusters").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(new[] { $"127.0.0.1:{h.Backends[0].Port}" }, Addresses(clusters["outbound|80|v1|frontend.default.svc.cluster.local"]));
        Assert.Equal(new[] { $"127.0.0.1:{h.Backends[1].Port}" }, Addresses(clusters["outbound|80|v2|frontend.default.svc.cluster.local"]));
        Assert.Equal(
            new[] { h.Backends[0].Port, h.Backends[1].Port }.Select(p => $"127.0.0.1:{p}").Order(StringComparer.Ordinal),
            Addresses(clusters["outbound|80||frontend.default.svc.cluster.local"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Config_dump_follows_each_applied_version()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        Assert.Equal(1, Version(await GetAsync(client, "/config_dump")));
        h.Apply(Config.Replace("weight: 90", "weight: 50").Replace("weight: 10", "weight: 50"), 2);
        var dump = await GetAsync(client, "/config_dump");
        Assert.Equal(2, Version(dump));
        Assert.Contains("\"weight\": 50", dump.Body);
    }

    [Fact]
    public async Task Config_dump_shows_the_compiled_policy_in_force_and_what_is_not_enforced()
    {
        var yaml = MeshYaml.Join(
            MeshYaml.DestinationRule("frontend", trafficPolicy: """
                connectionPool: {tcp: {connectTimeout: 2s}}
                tls: {mode: SIMPLE}
                """),
            MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]"));
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1", "v2");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        var (status, body) = await GetAsync(client, "/config_dump");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("field").GetString() == "spec.trafficPolicy.tls");
        Assert.StartsWith("not enforced: spec.trafficPolicy.tls", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("test.yaml:", diagnostic.GetProperty("source").GetString(), StringComparison.Ordinal);

        // What is in force: the connect timeout given, Envoy's and Istio's defaults for the rest.
        var cluster = json.RootElement.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "outbound|80||frontend.default.svc.cluster.local");
        var policy = cluster.GetProperty("policy");
        Assert.Equal("2s", policy.GetProperty("client").GetProperty("connectTimeout").GetString());
        Assert.Equal("3600s", policy.GetProperty("client").GetProperty("idleTimeout").GetString());
        Assert.Equal("LeastRequest", policy.GetProperty("loadBalancer").GetProperty("algorithm").GetString());
        Assert.Equal(uint.MaxValue, policy.GetProperty("pool").GetProperty("maxRequests").GetUInt32());
    }

    [Fact]
    public async Task Rejected_lists_what_translation_left_out_as_json()
    {
        var yaml = MeshYaml.VirtualService("frontend", "- route: [{destination: {host: nowhere.default.svc.cluster.local}}]");
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        var (status, body) = await GetAsync(client, "/rejected");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("message").GetString()!.Contains("nowhere", StringComparison.Ordinal));
    }

    private static List<string> Addresses(JsonElement cluster) =>
        cluster.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("address").GetString()!).ToList();

    private static long Version((HttpStatusCode Status, string Body) dump)
    {
        Assert.Equal(HttpStatusCode.OK, dump.Status);
        using var json = JsonDocument.Parse(dump.Body);
        return json.RootElement.GetProperty("version").GetInt64();
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
