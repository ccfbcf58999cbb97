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
        app.MapGet("/ready", (HttpContext c) => Ready(state, data));
        app.MapGet("/config_dump", () => Results.Text(SnapshotJson.Write(state.Current.Snapshot), "application/json"));
        app.MapGet("/rejected", () => Results.Text(DiagnosticFormatter.ToJson(data.Rejected), "application/json"));
        ObservabilityEndpoints.Map(app, state, data);
    }

    /// <summary>Envoy's /ready: 200 LIVE once a snapshot is live; 503 PRE_INITIALIZING before, and
    /// 503 DRAINING from the moment shutdown starts draining the listeners (Envoy's server state).
    /// Over the downstream connection cap it is 503 OVERLOADED, the readiness flip of Envoy's
    /// overload manager, until connections drop below the cap.</summary>
    private static IResult Ready(ProxyStateHolder state, AdminData data)
    {
        if (data.Draining) return Results.Text("DRAINING\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!state.IsReady) return Results.Text("PRE_INITIALIZING\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        if (data.Overloaded()) return Results.Text("OVERLOADED\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        return Results.Text("LIVE\n");
    }
}
