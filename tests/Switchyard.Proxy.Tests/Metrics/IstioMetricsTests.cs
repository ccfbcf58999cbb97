using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Metrics;

/// <summary>Known traffic through the real proxy, then <c>/stats/prometheus</c> read as Prometheus
/// would: exact counts per destination_version and response_code, Istio's labels, the 503 NC series.</summary>
public class IstioMetricsTests
{
    private static readonly string Config = KnownTrafficConfig.With("- {destination: {host: frontend, subset: v1}}");

    [Fact]
    public async Task Requests_are_counted_per_destination_version_and_response_code_with_a_503_NC_series()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        await h.CountAsync("frontend", 5);
        await h.CountAsync("frontend", 3, headers: new() { ["end-user"] = "jason" });
        await h.CountAsync("frontend", 2, headers: new() { ["end-user"] = "canary" });
        await h.CountAsync("nowhere", 1);

        var (scrape, contentType) = await ScrapeAsync(h);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", contentType);
        Assert.Equal(5, scrape.Sum("istio_requests_total", ("destination_version", "v1"), ("response_code", "200")));
        Assert.Equal(3, scrape.Sum("istio_requests_total", ("destination_version", "v2"), ("response_code", "200")));
        Assert.Equal(2, scrape.Sum("istio_requests_total", ("response_code", "503"), ("response_flags", "NC")));
        Assert.Equal(1, scrape.Sum("istio_requests_total", ("response_code", "404"), ("response_flags", "NR"), ("destination_service", "unknown")));
        Assert.Equal(11, scrape.Sum("istio_requests_total"));

        var nc = Assert.Single(scrape.Named("istio_requests_total"), s => s.Labels["response_flags"] == "NC");
        Assert.Equal("frontend.default.svc.cluster.local", nc.Labels["destination_service"]);
        Assert.Equal("frontend", nc.Labels["destination_service_name"]);
        Assert.Equal("default", nc.Labels["destination_service_namespace"]);
        Assert.Equal("unknown", nc.Labels["destination_version"]);
        var v1 = Assert.Single(scrape.Named("istio_requests_total"), s => s.Labels["destination_version"] == "v1");
        foreach (var label in new[] { "reporter", "source_workload", "source_workload_namespace", "destination_service", "destination_service_name",
                     "destination_service_namespace", "destination_workload", "destination_version", "response_code", "response_flags",
                     "request_protocol", "grpc_response_status", "connection_security_policy" })
            Assert.True(v1.Labels.ContainsKey(label), $"istio_requests_total has no {label} label");
        Assert.Equal("source", v1.Labels["reporter"]);
        Assert.Equal("http", v1.Labels["request_protocol"]);
        Assert.Equal("-", v1.Labels["response_flags"]);
        Assert.Equal("", v1.Labels["grpc_response_status"]);
    }

    [Fact]
    public async Task Histograms_count_every_request_in_cumulative_buckets_ending_at_plus_Inf()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        await h.CountAsync("frontend", 4);

        var (scrape, _) = await ScrapeAsync(h);
        foreach (var histogram in new[] { "istio_request_duration_milliseconds", "istio_request_bytes", "istio_response_bytes" })
        {
            var buckets = scrape.Named(histogram + "_bucket").Where(s => s.Labels["destination_version"] == "v1").ToList();
            Assert.Equal(20, buckets.Count);
            Assert.Equal("+Inf", buckets[^1].Labels["le"]);
            Assert.Equal(4, buckets[^1].Value);
            for (var i = 1; i < buckets.Count; i++) Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"{histogram} buckets are not cumulative");
            Assert.Equal(4, scrape.Sum(histogram + "_count", ("destination_version", "v1")));
        }
        // The echo backend's answer has a body; no request body was sent.
        Assert.True(scrape.Sum("istio_response_bytes_sum", ("destination_version", "v1")) > 0);
        Assert.Equal(4, scrape.Sum("istio_request_bytes_bucket", ("destination_version", "v1"), ("le", "0.5")));
    }

    [Fact]
    public async Task Envoy_cluster_series_and_the_config_pipeline_are_exposed()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        await h.CountAsync("frontend", 2);

        var (scrape, _) = await ScrapeAsync(h);
        var v1 = ("cluster_name", "outbound|80|v1|frontend.default.svc.cluster.local");
        foreach (var name in new[] { "upstream_rq_active", "upstream_rq_pending_active", "upstream_rq_pending_overflow", "upstream_rq_retry",
                     "upstream_rq_timeout", "outlier_detection_ejections_active", "outlier_detection_ejections_total" })
            Assert.Single(scrape.Named("envoy_cluster_" + name), s => s.Labels["cluster_name"] == v1.Item2);
        Assert.Equal(0, scrape.Sum("envoy_cluster_upstream_rq_active", v1));
        Assert.Equal(1, scrape.Sum("switchyard_config_snapshot_version"));
        // The route to subset v3, which no DestinationRule defines, is what translation left out.
        Assert.Contains(h.Server.Admin.Rejected, d => d.Message.Contains("v3", StringComparison.Ordinal));
        Assert.Equal(h.Server.Admin.Rejected.Count, scrape.Sum("switchyard_config_rejected_resources"));
        Assert.True(scrape.Sum("switchyard_config_reload_duration_milliseconds_count") >= 1);
    }

    private static async Task<(PrometheusScrape Scrape, string? ContentType)> ScrapeAsync(ProxyHarness h)
    {
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        using var response = await admin.GetAsync("/stats/prometheus", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (PrometheusScrape.Parse(text), response.Content.Headers.ContentType?.ToString());
    }
}
