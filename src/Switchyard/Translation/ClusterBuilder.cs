using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Registry;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Normalize;

namespace Switchyard.Translation;

/// <summary>
/// Istio's CDS: for every registry service and port, the whole-service cluster and one cluster
/// per subset of the DestinationRule that applies, whatever the VirtualServices' weights (so
/// flipping a split 100/0 ↔ 0/100 adds and removes no cluster); then any other cluster a route
/// asks for. A cluster Istio would not build is left out with a diagnostic, so requests for it
/// get 503 NC: a host not in the registry, a port the service does not have, a subset no
/// applicable DestinationRule defines.
/// </summary>
internal static class ClusterBuilder
{
    public static Dictionary<string, ClusterSpec> Build(TranslationContext ctx)
    {
        foreach (var service in ctx.Registry.Services.Values.OrderBy(s => s.Hostname, StringComparer.Ordinal))
        {
            var subsets = ctx.RuleFor(service.Hostname)?.Subsets ?? [];
            foreach (var port in service.Ports)
            {
                ctx.Request(new ClusterRequest(ClusterKey.Of(port.Number, null, service.Hostname), service.Hostname, null, port.Number, null, service.SourceSpan, null));
                foreach (var subset in subsets)
                    ctx.Request(new ClusterRequest(ClusterKey.Of(port.Number, subset.Name, service.Hostname), service.Hostname, subset.Name, port.Number,
                        subset.Owner.Ref, subset.Owner.SpanOf($"spec.subsets[{subset.Index}]"), null));
            }
        }

        var clusters = new Dictionary<string, ClusterSpec>(StringComparer.Ordinal);
        foreach (var request in ctx.RequestsInOrder)
            if (BuildOne(request, ctx) is { } spec) clusters[spec.Name] = spec;
        return clusters;
    }

    private static ClusterSpec? BuildOne(ClusterRequest request, TranslationContext ctx)
    {
        var service = ctx.Registry.Find(request.Host);
        if (service is null)
            return Skip(request, ctx, $"destination host {request.Host} is not in the service registry; requests to it get 503 NC");
        if (service.Ports.All(p => p.Number != request.Port))
            return Skip(request, ctx, $"service {request.Host} has no port {request.Port}; requests to it get 503 NC");

        var rule = ctx.RuleFor(service.Hostname);
        AppliedSubset? subset = null;
        if (request.Subset is not null)
        {
            subset = rule?.FindSubset(request.Subset);
            if (subset is null)
                return Skip(request, ctx, $"subset {request.Subset} of host {request.Host} is not defined by any DestinationRule that applies; requests to it get 503 NC");
        }

        var merged = PolicyMerger.Merge(rule?.TrafficPolicy, subset?.Subset.TrafficPolicy, request.Port);
        var policy = ctx.Compile(merged, service.Ports.FirstOrDefault(p => p.Number == request.Port)?.Inferred);
        IEnumerable<Endpoint> endpoints = service.EndpointsOf(request.Port);
        if (subset?.Subset.Labels is { Count: > 0 } labels)
            endpoints = endpoints.Where(e => LabelMatch.Selects(labels, e.Labels));
        return new ClusterSpec(request.Name, service.Hostname, request.Subset, request.Port, policy, new EquatableList<Endpoint>(endpoints), Source(subset, rule, service));
    }

    private static Provenance Source(AppliedSubset? subset, AppliedDestinationRule? rule, MeshServiceEntry service)
    {
        if (subset is not null) return new Provenance(subset.Owner.Ref, -1, subset.Owner.SpanOf($"spec.subsets[{subset.Index}]"));
        if (rule is not null) return new Provenance(rule.Primary.Ref, -1, rule.Primary.Span);
        return new Provenance(service.Source, -1, service.SourceSpan);
    }

    private static ClusterSpec? Skip(ClusterRequest request, TranslationContext ctx, string message)
    {
        var path = request.FieldPath is null ? null : request.Subset is null ? request.FieldPath : request.FieldPath + ".subset";
        ctx.Diagnostics.Add(Diagnostic.Warning(message, request.Span, request.ReferencedBy, path));
        return null;
    }
}
