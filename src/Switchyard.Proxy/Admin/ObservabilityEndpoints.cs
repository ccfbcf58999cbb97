using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Dashboard;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>The admin views an operator debugs traffic with, on Envoy's paths: the metrics Istio
/// scrapes (<c>/stats/prometheus</c>), <c>/stats</c> as JSON, <c>/clusters</c> with every
/// endpoint's health, <c>/listeners</c>, and the dashboard at <c>/</c>.</summary>
public static class ObservabilityEndpoints
{
    public static void Map(WebApplication app, ProxyStateHolder state, AdminData data)
    {
        var metrics = data.Metrics ?? new IstioMetrics(state.Time, SourceIdentity.From("default", new Dictionary<string, string>()));
        app.MapGet("/stats/prometheus", () => Results.Text(PrometheusText.Write(metrics, state.Current, data), PrometheusText.ContentType));
        app.MapGet("/stats", () => Results.Text(StatsJson.Write(metrics, state.Current, data), "application/json"));
        app.MapGet("/clusters", (HttpContext c) => c.Request.Query["format"] == "json"
            ? Results.Text(ClustersJson.Write(metrics, state.Current), "application/json")
            : Results.Text(ClustersText.Write(metrics, state.Current), "text/plain"));
        app.MapGet("/listeners", (HttpContext c) => c.Request.Query["format"] == "json"
            ? Results.Text(ListenersView.Json(data.Listeners()), "application/json")
            : Results.Text(ListenersView.Text(data.Listeners()), "text/plain"));
        app.MapGet("/", () => Results.Text(DashboardPage.Html, "text/html; charset=utf-8"));
    }
}
