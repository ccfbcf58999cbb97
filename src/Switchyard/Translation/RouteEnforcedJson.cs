using System.Text.Json.Nodes;
using Switchyard.Model;
using Switchyard.Translation.Routes;

namespace Switchyard.Translation;

/// <summary>
/// The compiled route policies the proxy enforces, for /config_dump and the golden tests, next to
/// the rule as written: the timeout, faults and mirrors with their shares as Envoy's fractions
/// per million, and the redirect as Envoy's redirect action. Null when the route has none of them.
/// </summary>
internal static class RouteEnforcedJson
{
    public static JsonObject? Of(RouteEntry r)
    {
        var node = new JsonObject();
        if (r.Timeout is { } timeout) node["timeout"] = Text(timeout.Timeout);
        if (r.Fault is { } fault)
        {
            var f = new JsonObject();
            if (fault.Delay is { } delay) f["delay"] = new JsonObject { ["fixedDelay"] = Text(delay.Delay), ["perMillion"] = delay.Share.Numerator };
            if (fault.Abort is { } abort)
            {
                var a = new JsonObject { ["httpStatus"] = abort.HttpStatus, ["perMillion"] = abort.Share.Numerator };
                if (abort.GrpcStatus is { } grpc) a["grpcStatus"] = grpc;
                f["abort"] = a;
            }
            node["fault"] = f;
        }
        if (r.Mirror is { } mirror)
            node["mirrors"] = new JsonArray(mirror.Targets.Select(t => (JsonNode?)new JsonObject { ["cluster"] = t.ClusterName, ["perMillion"] = t.Share.Numerator }).ToArray());
        if (r.Redirect is { } redirect)
        {
            var d = new JsonObject { ["status"] = redirect.Status, ["portFromRequest"] = redirect.PortFromRequest };
            if (redirect.Scheme is { } scheme) d["scheme"] = scheme;
            if (redirect.Host is { } host) d["host"] = host;
            if (redirect.Port is { } port) d["port"] = port;
            if (redirect.Path is { } path) d["path"] = path;
            node["redirect"] = d;
        }
        if (r.DirectResponse is { } direct) node["directResponse"] = new JsonObject { ["status"] = direct.Status, ["bodyBytes"] = direct.Body.Length };
        return node.Count == 0 ? null : node;
    }

    private static string Text(TimeSpan value) => new Duration(value.Ticks * 100).ToString();
}
