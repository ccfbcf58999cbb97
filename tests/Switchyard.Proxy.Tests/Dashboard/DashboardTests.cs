using System.Net;
using System.Text.RegularExpressions;
using Switchyard.Proxy.Tests.Metrics;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Dashboard;

/// <summary>The admin dashboard in real headless Chromium while the proxy carries traffic: the
/// numbers the page shows are the numbers <c>/stats/prometheus</c> gives.</summary>
public partial class DashboardTests
{
    private static readonly string Config = Metrics.KnownTrafficConfig.With("""
        - {destination: {host: frontend, subset: v1}, weight: 80}
        - {destination: {host: frontend, subset: v2}, weight: 20}
        """);

    [Fact]
    public async Task The_page_shows_the_requests_per_version_success_rate_and_routes_that_the_metrics_count()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        await h.CountAsync("frontend", 20);
        await h.CountAsync("frontend", 6, headers: new() { ["end-user"] = "jason" });
        await h.CountAsync("frontend", 4, headers: new() { ["end-user"] = "canary" });
        // Traffic keeps flowing while the page loads (to a host with no route: NR, not compared).
        var background = TrafficLoop.Start(h.Server.ProxyUri, "elsewhere", workers: 1);

        var dom = await HeadlessChromium.DumpDomAsync(h.Server.AdminUri!, 3000);
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        var scrape = PrometheusScrape.Parse(await admin.GetStringAsync("/stats/prometheus", TestContext.Current.CancellationToken));

        Assert.Matches("data-rendered=\"[1-9]", dom);
        const string service = "frontend.default.svc.cluster.local";
        foreach (var version in new[] { "v1", "v2", "unknown" })
        {
            var shown = Cell(dom, $"data-service=\"{service}\" data-version=\"{version}\"", "requests");
            Assert.Equal(scrape.Sum("istio_requests_total", ("destination_service", service), ("destination_version", version)), shown);
        }
        Assert.Equal(4, Cell(dom, $"data-service=\"{service}\" data-version=\"unknown\"", "errors"));
        Assert.Equal(30, Cell(dom, $"data-service=\"{service}\"", "requests"));
        // 26 of 30 answered without a 5xx: the 4 canary requests were 503 NC.
        Assert.Contains("86.7%", RowOf(dom, $"data-service=\"{service}\""));
        Assert.Contains("outbound|80|v1|frontend.default.svc.cluster.local (80)", dom);
        Assert.Contains($"<b id=\"version\">1</b>", dom);

        // The picture in the README comes from here (SWITCHYARD_SCREENSHOT_DIR=docs), taken while
        // the frontend's own 80/20 split flows.
        await background.DisposeAsync();
        await using var live = TrafficLoop.Start(h.Server.ProxyUri, "frontend", workers: 2);
        var png = Path.Combine(Environment.GetEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR") ?? Path.GetTempPath(), "dashboard.png");
        await HeadlessChromium.ScreenshotAsync(h.Server.AdminUri!, 3000, Path.GetFullPath(png));
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is empty");
    }

    [Fact]
    public async Task The_page_is_served_from_the_binary_with_no_external_asset()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1", "v2");
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri };
        using var response = await admin.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    /// <summary>The first table row with <paramref name="attributes"/>.</summary>
    private static string RowOf(string dom, string attributes)
    {
        var start = dom.IndexOf("<tr " + attributes, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row with {attributes} on the page");
        return dom[start..dom.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static double Cell(string dom, string attributes, string cls)
    {
        var m = Regex.Match(RowOf(dom, attributes), $"<td class=\"num {cls}[^\"]*\">([0-9.]+)</td>");
        Assert.True(m.Success, $"no {cls} cell in the row with {attributes}");
        return double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
