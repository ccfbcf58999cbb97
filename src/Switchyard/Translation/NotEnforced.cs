using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Model.Networking;

namespace Switchyard.Translation;

/// <summary>
/// Fields validation accepts but the proxy does not enforce yet. Each one set in a resource
/// becomes a warning <c>not enforced: spec.trafficPolicy.tls</c> on its file:line, shown by
/// <c>run</c> and in /config_dump, so a policy the user wrote is never silently dropped.
/// </summary>
internal static class NotEnforced
{
    public static void Report(IEnumerable<Resource> resources, List<Diagnostic> into)
    {
        foreach (var resource in resources)
        {
            if (resource is DestinationRule dr) Report(dr, into);
            else if (resource is VirtualService vs) Report(vs, into);
        }
    }

    private static void Report(DestinationRule dr, List<Diagnostic> into)
    {
        Policy(dr, dr.Spec.TrafficPolicy, "spec.trafficPolicy", into);
        var subsets = dr.Spec.Subsets ?? [];
        for (var i = 0; i < subsets.Count; i++)
            Policy(dr, subsets[i]?.TrafficPolicy, $"spec.subsets[{i}].trafficPolicy", into);
    }

    private static void Policy(Resource owner, TrafficPolicy? p, string path, List<Diagnostic> into)
    {
        if (p is null) return;
        Settings(owner, p.LoadBalancer, p.ConnectionPool, p.OutlierDetection, p.Tls, path, into);
        if (p.Tunnel is not null) Add(owner, path + ".tunnel", "the proxy does not tunnel upstream connections", into);
        if (p.ProxyProtocol is not null) Add(owner, path + ".proxyProtocol", "no PROXY protocol header is sent upstream", into);
        if (p.RetryBudget is not null) Add(owner, path + ".retryBudget", "retries are bounded by connectionPool.http.maxRetries only", into);
        var ports = p.PortLevelSettings ?? [];
        for (var i = 0; i < ports.Count; i++)
            if (ports[i] is { } pl) Settings(owner, pl.LoadBalancer, pl.ConnectionPool, pl.OutlierDetection, pl.Tls, $"{path}.portLevelSettings[{i}]", into);
    }

    private static void Settings(Resource owner, LoadBalancerSettings? lb, ConnectionPoolSettings? pool, OutlierDetection? od,
        ClientTLSSettings? tls, string path, List<Diagnostic> into)
    {
        if (tls is not null)
            Add(owner, path + ".tls", $"the proxy does not originate TLS yet; mode {tls.Mode ?? TLSmode.DISABLE} is not applied and traffic to the cluster is plain text", into);
        if (lb?.ZoneAwareLbSetting is not null) Add(owner, path + ".loadBalancer.zoneAwareLbSetting", "zone-aware balancing is not implemented", into);
        if (pool?.Http?.MaxConcurrentStreams is not null)
            Add(owner, path + ".connectionPool.http.maxConcurrentStreams", "HTTP/2 upstream connections have no client-side stream limit", into);
        if (pool?.Http?.Http2KeepAlive is not null)
            Add(owner, path + ".connectionPool.http.http2KeepAlive", "no HTTP/2 PING keepalive is sent upstream", into);
        if (pool?.Http?.MaxRequestsPerConnection is > 1)
            Add(owner, path + ".connectionPool.http.maxRequestsPerConnection", "enforced for HTTP/1.1 upstream connections only, not HTTP/2", into);
        if (od?.OutlierDetectionHttpErrorCodes is { Count: > 0 })
            Add(owner, path + ".outlierDetection.outlierDetectionHttpErrorCodes", "only 5xx (and gateway) errors count toward ejection", into);
    }

    private static void Report(VirtualService vs, List<Diagnostic> into)
    {
        if (vs.Spec.Tcp is { Count: > 0 }) Add(vs, "spec.tcp", "the proxy routes HTTP only; tcp routes are ignored", into);
        if (vs.Spec.Tls is { Count: > 0 }) Add(vs, "spec.tls", "the proxy routes HTTP only; tls routes are ignored", into);
        var rules = vs.Spec.Http ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule) continue;
            var path = $"spec.http[{i}]";
            if (rule.Delegate is not null) Add(vs, path + ".delegate", "delegate VirtualServices are not resolved; the rule has no destination", into);
            if (!string.IsNullOrEmpty(rule.Redirect?.PrefixRewrite)) Add(vs, path + ".redirect.prefixRewrite", "the redirect keeps the request's path", into);
            Headers(vs, rule.Headers, path + ".headers", into);
            var route = rule.Route ?? [];
            for (var j = 0; j < route.Count; j++) Headers(vs, route[j]?.Headers, $"{path}.route[{j}].headers", into);
        }
    }

    // Envoy expands %VAR% (e.g. %DOWNSTREAM_REMOTE_ADDRESS%) in header values; we send them verbatim.
    private static void Headers(Resource owner, Headers? headers, string path, List<Diagnostic> into)
    {
        Operations(owner, headers?.Request, path + ".request", into);
        Operations(owner, headers?.Response, path + ".response", into);
    }

    private static void Operations(Resource owner, HeaderOperations? ops, string path, List<Diagnostic> into)
    {
        foreach (var (field, values) in new[] { ("set", ops?.Set), ("add", ops?.Add) })
            foreach (var (name, value) in values ?? new Dictionary<string, string>())
                if (value.Count(c => c == '%') >= 2)
                    Add(owner, $"{path}.{field}.{name}", "%VAR% expansion in header values is not implemented; the value is sent as written", into);
    }

    private static void Add(Resource owner, string path, string why, List<Diagnostic> into) =>
        into.Add(Diagnostic.Warning($"not enforced: {path}: {why}", owner.SpanOf(path), owner.Ref, path));
}
