using System.Globalization;
using Switchyard.Model.Kubernetes;

namespace Switchyard.Registry;

/// <summary>
/// The endpoints of a Kubernetes Service port, as the EndpointSlice controller (and Istio's
/// kube registry reading those slices) would have them. When the input has EndpointSlices for
/// the service they are the truth; otherwise the selector is applied to the Pods given.
/// </summary>
internal static class KubernetesEndpoints
{
    public static IReadOnlyList<Endpoint> For(Service service, ServicePortInfo port, RegistryInputs inputs)
    {
        var slices = inputs.SlicesOf(service.Namespace, service.Name);
        return EndpointOrder.Sorted(slices.Count > 0 ? FromSlices(service.Namespace, port, slices, inputs) : FromPods(service, port, inputs));
    }

    /// <summary>A Service without a selector selects nothing (its endpoints are managed by hand).</summary>
    private static IEnumerable<Endpoint> FromPods(Service service, ServicePortInfo port, RegistryInputs inputs)
    {
        var selector = service.Spec.Selector;
        if (selector is null || selector.Count == 0) yield break;
        foreach (var pod in inputs.PodsIn(service.Namespace))
        {
            if (string.IsNullOrEmpty(pod.Status.PodIP) || !LabelMatch.Selects(selector, pod.Metadata.Labels)) continue;
            if (TargetPortOf(pod, port) is not { } target) continue;
            var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
            yield return new Endpoint(pod.Status.PodIP, target, labels, Localities.FromLabels(labels), 1);
        }
    }

    /// <summary>targetPort as a number, or the pod's container port of that name (a pod without
    /// it is not an endpoint of this port, as in Kubernetes), or the service port itself.</summary>
    internal static int? TargetPortOf(Pod pod, ServicePortInfo port)
    {
        if (string.IsNullOrEmpty(port.TargetPort)) return (int)port.Number;
        if (int.TryParse(port.TargetPort, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        foreach (var container in pod.Spec.Containers ?? [])
            foreach (var cp in container?.Ports ?? [])
                if (cp?.Name == port.TargetPort && cp.ContainerPort is { } named) return named;
        return null;
    }

    /// <summary>Slice ports are matched to the service port by name (both empty for an unnamed
    /// single port). Health as Istio's EndpointSlice controller reads it: <c>ready</c> unset or
    /// true is healthy; otherwise the endpoint is terminating (serving or not) or unhealthy, and
    /// Istio sends neither to Envoy's balancer, so both are left out.</summary>
    private static IEnumerable<Endpoint> FromSlices(string ns, ServicePortInfo port, IReadOnlyList<EndpointSlice> slices, RegistryInputs inputs)
    {
        foreach (var slice in slices)
        {
            var slicePort = (slice.Ports ?? []).FirstOrDefault(p => p is not null && (p.Name ?? "") == (port.Name ?? ""));
            if (slicePort?.Port is not { } number) continue;
            foreach (var ep in slice.Endpoints ?? [])
            {
                if (ep is null || ep.Conditions?.Ready == false) continue;
                var pod = ep.TargetRef is { Kind: "Pod", Name: { } podName }
                    ? inputs.FindPod(ep.TargetRef.Namespace ?? ns, podName)
                    : null;
                var labels = new Dictionary<string, string>(pod?.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
                if (!string.IsNullOrEmpty(ep.Zone)) labels[Localities.ZoneLabel] = ep.Zone;
                var locality = Localities.From(labels.GetValueOrDefault(Localities.RegionLabel), labels.GetValueOrDefault(Localities.ZoneLabel));
                foreach (var address in ep.Addresses ?? [])
                    yield return new Endpoint(address, number, labels, locality, 1);
            }
        }
    }
}
