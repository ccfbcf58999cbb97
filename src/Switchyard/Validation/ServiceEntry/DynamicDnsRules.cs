using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// DYNAMIC_DNS (istio/api#3565): the proxy resolves the request's own Host header or SNI against a
/// wildcard entry at request time. So the hosts must be wildcards, there is nothing to list as
/// addresses or endpoints, and each port must carry a host name (HTTP family or TLS).
/// </summary>
public static class DynamicDnsRules
{
    /// <summary>The label that binds a resource to a waypoint proxy (ambient mode).</summary>
    public const string UseWaypointLabel = "istio.io/use-waypoint";

    public static void Check(ServiceEntry se, ValidationContext ctx)
    {
        var spec = se.Spec;
        var hosts = spec.Hosts ?? [];
        for (var i = 0; i < hosts.Count; i++)
            if (!DnsNames.IsWildcard(hosts[i]))
                ctx.Error($"spec.hosts[{i}]", $"host {GoText.Quote(hosts[i])} must be a wildcard for resolution mode DYNAMIC_DNS",
                    "write *.example.com, or use resolution DNS for a single name");
        if (spec.Addresses is { Count: > 0 })
            ctx.Error("spec.addresses", "addresses are not allowed for resolution mode DYNAMIC_DNS",
                "remove addresses: the destination is resolved from each request");
        if (spec.Endpoints is { Count: > 0 })
            ctx.Error("spec.endpoints", "endpoints are not allowed for resolution mode DYNAMIC_DNS",
                "remove endpoints: the destination is resolved from each request");
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not { } port) continue;
            if (ServiceProtocols.Parse(port.Protocol) is not (ServiceProtocol.Http or ServiceProtocol.Tls or ServiceProtocol.Grpc or ServiceProtocol.Http2))
                ctx.Error($"spec.ports[{i}].protocol",
                    $"protocol {GoText.Quote(port.Protocol ?? "")} is not supported for resolution mode DYNAMIC_DNS",
                    "use HTTP, HTTP2, GRPC or TLS: the host name is read from the request");
        }
        if (spec.Location == ServiceEntryLocation.MESH_INTERNAL && se.Metadata.Labels?.ContainsKey(UseWaypointLabel) == true)
            ctx.Error("spec.location", "resolution mode DYNAMIC_DNS is not supported for MESH_INTERNAL service entries that use a waypoint",
                "use location MESH_EXTERNAL");
    }
}
