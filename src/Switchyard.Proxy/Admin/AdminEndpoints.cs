using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchyard.Diagnostics;
using Switchyard.Proxy.Runtime;
using Switchyard.Translation;

namespace Switchyard.Proxy.Admin;

/// <summary>Read-only admin views, on Envoy's paths where Envoy has one.</summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app, ProxyStateHolder state, AdminData data)
    {
        // 200 once a snapshot is live, 503 before (Envoy's /ready says LIVE / PRE_INITIALIZING).
        app.MapGet("/ready", (HttpContext c) => state.IsReady
            ? Results.Text("LIVE\n")
            : Results.Text("PRE_INITIALIZING\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/config_dump", () => Results.Text(SnapshotJson.Write(state.Current.Snapshot), "application/json"));
        app.MapGet("/rejected", () => Results.Text(DiagnosticFormatter.ToJson(data.Rejected), "application/json"));
    }
}
