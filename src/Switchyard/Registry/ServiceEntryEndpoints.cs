using Switchyard.Model.Networking;

namespace Switchyard.Registry;

/// <summary>
/// The endpoints of a ServiceEntry port: its inline <c>endpoints</c>, or, with a
/// workloadSelector, the WorkloadEntries and Pods of its namespace that carry the labels.
/// Without either, a DNS-resolved entry connects to the host name itself, as Istio's
/// STRICT_DNS cluster does.
/// </summary>
internal static class ServiceEntryEndpoints
{
    public static IReadOnlyList<Endpoint> For(ServiceEntry entry, string host, ServicePort port, RegistryInputs inputs)
    {
        var spec = entry.Spec;
        var endpoints = new List<Endpoint>();
        if (spec.WorkloadSelector is { } selector)
        {
            foreach (var we in inputs.WorkloadEntriesIn(entry.Namespace))
                if (LabelMatch.Selects(selector.Labels, we.Spec.Labels) && FromWorkload(we.Spec, port) is { } e) endpoints.Add(e);
            foreach (var pod in inputs.PodsIn(entry.Namespace))
            {
                if (string.IsNullOrEmpty(pod.Status.PodIP) || !LabelMatch.Selects(selector.Labels, pod.Metadata.Labels)) continue;
                var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
                endpoints.Add(new Endpoint(pod.Status.PodIP, (int)(port.TargetPort ?? port.Number ?? 0), labels, Localities.FromLabels(labels), 1));
            }
        }
        else if (spec.Endpoints is { Count: > 0 } inline)
        {
            foreach (var we in inline)
                if (we is not null && FromWorkload(we, port) is { } e) endpoints.Add(e);
        }
        else if (spec.Resolution is ServiceEntryResolution.DNS or ServiceEntryResolution.DNS_ROUND_ROBIN && !host.StartsWith('*'))
        {
            endpoints.Add(new Endpoint(host, (int)(port.TargetPort ?? port.Number ?? 0), new Dictionary<string, string>(), null, 1));
        }
        return EndpointOrder.Sorted(endpoints);
    }

    /// <summary>Port: the entry's <c>ports</c> map by service port name, else the port's
    /// targetPort, else its number. Weight 0 (unset) means 1, as in Istio.</summary>
    private static Endpoint? FromWorkload(WorkloadEntrySpec we, ServicePort port)
    {
        if (string.IsNullOrEmpty(we.Address)) return null;
        uint number = port.Name is not null && we.Ports?.TryGetValue(port.Name, out var mapped) == true
            ? mapped
            : port.TargetPort ?? port.Number ?? 0;
        var weight = we.Weight is > 0 ? we.Weight.Value : 1u;
        return new Endpoint(we.Address, (int)number, we.Labels ?? new Dictionary<string, string>(), we.Locality, weight);
    }
}
