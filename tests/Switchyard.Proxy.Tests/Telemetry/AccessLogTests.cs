using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Telemetry;

/// <summary>The access log through the real proxy: one outcome per request with Istio's fields,
/// rendered as Istio's text line or its JSON object.</summary>
public class AccessLogTests
{
    private static readonly string Route = MeshYaml.VirtualService("frontend", """
        - name: all
          route:
          - destination: {host: frontend}
        """);

    // Istio's default TEXT format, field by field (see AccessLogFormatter).
    private static readonly Regex IstioTextLine = new(
        """^\[(?<start>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\] "(?<method>\S+) (?<path>\S+) (?<protocol>\S+)" (?<status>\d{3}) (?<flags>\S+) (?<details>\S+) - "-" (?<rx>\d+) (?<tx>\d+) (?<duration>\d+) - "(?<xff>[^"]*)" "(?<ua>[^"]*)" "(?<rid>[^"]*)" "(?<authority>[^"]*)" "(?<upstream>[^"]*)" (?<cluster>\S+) - (?<local>\S+) (?<remote>\S+) - (?<route>\S+)$""");

    [Fact]
    public async Task A_forwarded_request_is_logged_with_bytes_upstream_cluster_and_route()
    {
        await using var h = await ProxyHarness.StartAsync(Route, "frontend", "v1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders?id=7") { Content = new ByteArrayContent(new byte[1234]) };
        request.Headers.Host = "frontend";
        request.Headers.TryAddWithoutValidation("user-agent", "curl/8.5.0");
        request.Headers.TryAddWithoutValidation("x-request-id", "req-1");
        using var response = await h.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var outcome = await h.Outcomes.WaitForSingleAsync();
        var m = IstioTextLine.Match(AccessLogFormatter.Format(outcome));
        Assert.True(m.Success, AccessLogFormatter.Format(outcome));
        Assert.Equal("POST", m.Groups["method"].Value);
        // Envoy's %REQ(:PATH)% is the request target as sent, query included.
        Assert.Equal("/orders?id=7", m.Groups["path"].Value);
        Assert.Equal("HTTP/1.1", m.Groups["protocol"].Value);
        Assert.Equal("200", m.Groups["status"].Value);
        Assert.Equal("-", m.Groups["flags"].Value);
        Assert.Equal("via_upstream", m.Groups["details"].Value);
        Assert.Equal("1234", m.Groups["rx"].Value);
        Assert.Equal(body.Length.ToString(), m.Groups["tx"].Value);
        Assert.Equal("curl/8.5.0", m.Groups["ua"].Value);
        Assert.Equal("req-1", m.Groups["rid"].Value);
        Assert.Equal("frontend", m.Groups["authority"].Value);
        Assert.Equal($"127.0.0.1:{h.Backends[0].Port}", m.Groups["upstream"].Value);
        Assert.Equal("outbound|80||frontend.default.svc.cluster.local", m.Groups["cluster"].Value);
        Assert.Equal($"127.0.0.1:{h.Server.ProxyUri.Port}", m.Groups["local"].Value);
        Assert.StartsWith("127.0.0.1:", m.Groups["remote"].Value);
        Assert.Equal("all", m.Groups["route"].Value);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task An_unknown_host_is_logged_as_404_NR_with_dashes_for_the_upstream()
    {
        await using var h = await ProxyHarness.StartAsync(Route, "frontend", "v1");
        var (status, _) = await h.GetAsync("nowhere.example");
        Assert.Equal(HttpStatusCode.NotFound, status);

        var m = IstioTextLine.Match(AccessLogFormatter.Format(await h.Outcomes.WaitForSingleAsync()));
        Assert.True(m.Success);
        Assert.Equal("404", m.Groups["status"].Value);
        Assert.Equal("NR", m.Groups["flags"].Value);
        Assert.Equal("route_not_found", m.Groups["details"].Value);
        Assert.Equal("-", m.Groups["upstream"].Value);
        Assert.Equal("-", m.Groups["cluster"].Value);
        Assert.Equal("-", m.Groups["route"].Value);
    }

    [Fact]
    public async Task A_direct_response_is_logged_as_direct_response_without_upstream()
    {
        const string direct = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: frontend, namespace: default}
            spec:
              hosts: [frontend]
              http:
              - name: fixed
                directResponse: {status: 200, body: {string: hi}}
            """;
        await using var h = await ProxyHarness.StartAsync(direct, "frontend", "v1");
        await h.GetAsync("frontend");

        var m = IstioTextLine.Match(AccessLogFormatter.Format(await h.Outcomes.WaitForSingleAsync()));
        Assert.True(m.Success);
        Assert.Equal("direct_response", m.Groups["details"].Value);
        Assert.Equal("2", m.Groups["tx"].Value);
        Assert.Equal("-", m.Groups["upstream"].Value);
        Assert.Equal("fixed", m.Groups["route"].Value);
    }

    [Fact]
    public async Task Json_format_carries_istios_keys_with_numbers_as_numbers()
    {
        await using var h = await ProxyHarness.StartAsync(Route, "frontend", "v1");
        await h.GetAsync("frontend", "/a/b");

        using var doc = JsonDocument.Parse(AccessLogJsonFormatter.Format(await h.Outcomes.WaitForSingleAsync()));
        var o = doc.RootElement;
        Assert.Equal("GET", o.GetProperty("method").GetString());
        Assert.Equal("/a/b", o.GetProperty("path").GetString());
        Assert.Equal(200, o.GetProperty("response_code").GetInt32());
        Assert.Equal("-", o.GetProperty("response_flags").GetString());
        Assert.Equal(0, o.GetProperty("bytes_received").GetInt64());
        Assert.True(o.GetProperty("bytes_sent").GetInt64() > 0);
        Assert.Equal("outbound|80||frontend.default.svc.cluster.local", o.GetProperty("upstream_cluster").GetString());
        Assert.Equal("all", o.GetProperty("route_name").GetString());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("request_id").ValueKind);
        Assert.Equal(1, o.GetProperty("upstream_request_attempt_count").GetInt32());
    }

    [Fact]
    public async Task A_rule_without_a_name_is_logged_with_a_dash_for_the_route_as_envoy_does()
    {
        // Envoy's %ROUTE_NAME% is the HTTP rule's name (pilot copies it); a rule without one has no
        // route name, printed "-", not a made-up "frontend.default.0".
        var unnamed = MeshYaml.VirtualService("frontend", """
            - route:
              - destination: {host: frontend}
            """);
        await using var h = await ProxyHarness.StartAsync(unnamed, "frontend", "v1");
        await h.GetAsync("frontend", "/");

        var line = AccessLogFormatter.Format(await h.Outcomes.WaitForSingleAsync());
        var m = IstioTextLine.Match(line);
        Assert.True(m.Success, line);
        Assert.Equal("-", m.Groups["route"].Value);
    }

    [Fact]
    public async Task The_writer_prints_one_line_per_request_and_flushes_on_dispose()
    {
        var output = new StringWriter(new StringBuilder());
        var writer = new AccessLogWriter(TextWriter.Synchronized(output), AccessLogFormat.Text);
        await using (var h = await ProxyHarness.StartAsync(Route, "frontend", "v1"))
        {
            for (var i = 0; i < 20; i++) await h.GetAsync("frontend", $"/r{i}");
            foreach (var o in await h.Outcomes.WaitForAsync(20)) writer.Write(o);
        }
        await writer.DisposeAsync();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);
        Assert.All(lines, l => Assert.Matches(IstioTextLine, l.TrimEnd('\r')));
        Assert.Equal(0, writer.Dropped);
    }
}
