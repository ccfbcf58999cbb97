using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// What each <c>resolution</c> demands of hosts, endpoints, selector and ports (the resolution
/// switch of Istio's <c>ValidateServiceEntry</c>, plus the DYNAMIC_DNS rules of reference 5.4).
/// </summary>
public static class ServiceEntryResolutionRules
{
    public static void Check(ServiceEntry se, ValidationContext ctx, IReadOnlySet<string> servicePorts)
    {
        var spec = se.Spec;
        var resolution = spec.Resolution ?? ServiceEntryResolution.NONE;
        var endpoints = spec.Endpoints ?? [];
        switch (resolution)
        {
            case ServiceEntryResolution.NONE:
                if (endpoints.Count != 0)
                    ctx.Error("spec.endpoints", "no endpoints should be provided for resolution type none",
                        "NONE forwards to the original destination IP; use resolution STATIC or DNS to route to endpoints");
                if (spec.WorkloadSelector is not null)
                    ctx.Warning("spec.workloadSelector", "workloadSelector should not be set when resolution mode is NONE");
                break;
            case ServiceEntryResolution.STATIC:
                CheckEndpoints(endpoints, ctx, EndpointAddressRule.IpOrUnix, servicePorts);
                break;
            case ServiceEntryResolution.DNS:
            case ServiceEntryResolution.DNS_ROUND_ROBIN:
                CheckDns(spec, resolution, ctx, servicePorts);
                break;
            case ServiceEntryResolution.DYNAMIC_DNS:
                DynamicDnsRules.Check(se, ctx);
                break;
        }
        CheckMultipleHosts(spec, resolution, ctx);
    }

    private static void CheckDns(
        ServiceEntrySpec spec, ServiceEntryResolution resolution, ValidationContext ctx, IReadOnlySet<string> servicePorts)
    {
        var endpoints = spec.Endpoints ?? [];
        var hosts = spec.Hosts ?? [];
        // Without endpoints the proxy resolves the hosts themselves, so they must be real names.
        if (endpoints.Count == 0)
            for (var i = 0; i < hosts.Count; i++)
                if (DnsNames.CheckFqdn(hosts[i]) is not null)
                    ctx.Error($"spec.hosts[{i}]", $"hosts must be FQDN if no endpoints are provided for resolution mode {resolution}",
                        "list endpoints to resolve instead, or use resolution NONE (or DYNAMIC_DNS) for wildcard hosts");
        if (resolution == ServiceEntryResolution.DNS_ROUND_ROBIN && endpoints.Count > 1)
            ctx.Error("spec.endpoints", $"there must only be 0 or 1 endpoint for resolution mode {resolution}",
                "DNS_ROUND_ROBIN uses the first address of one name; use resolution DNS for several endpoints");

        CheckEndpoints(endpoints, ctx, EndpointAddressRule.IpOrFqdn, servicePorts);

        if (spec.WorkloadSelector is not null)
            ctx.Warning("spec.workloadSelector", $"workloadSelector should not be set when resolution mode is {resolution}");

        // Istio asks IsTCP here, which also holds for HTTPS and TLS ports; kept as Istio has it.
        if (spec.Addresses is { Count: > 0 } && hosts.Count > 1
            && (spec.Ports ?? []).Any(p => p is not null && ServiceProtocols.Parse(p.Protocol).IsTcp()))
            ctx.Warning("spec.hosts", "service entry can not have more than one host specified simultaneously with address and tcp port",
                "split the hosts into one service entry each");
    }

    private static void CheckEndpoints(
        IReadOnlyList<WorkloadEntrySpec?> endpoints, ValidationContext ctx, EndpointAddressRule rule, IReadOnlySet<string> servicePorts)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (endpoint is null)
                ctx.Error($"spec.endpoints[{i}]", "endpoint cannot be nil", "remove the empty list entry");
            else
                WorkloadEntryRules.Check(endpoint, $"spec.endpoints[{i}]", ctx, rule, servicePorts);
        }
    }

    // With several hosts on one port the proxy tells them apart by the HTTP Host header or the
    // TLS SNI; plain TCP has neither. NONE ignores hosts, so it is exempt.
    private static void CheckMultipleHosts(ServiceEntrySpec spec, ServiceEntryResolution resolution, ValidationContext ctx)
    {
        if (resolution == ServiceEntryResolution.NONE || (spec.Hosts?.Count ?? 0) <= 1) return;
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            if (p is null) continue; // already reported by the port rules
            var protocol = ServiceProtocols.Parse(p.Protocol);
            if (!protocol.IsHttp() && !protocol.IsTls())
            {
                ctx.Error($"spec.ports[{i}]", "multiple hosts provided with non-HTTP, non-TLS ports",
                    "set protocol HTTP, HTTP2, GRPC, HTTPS or TLS on every port, or split the hosts into one service entry each");
                return; // Istio reports this once
            }
        }
    }
}
