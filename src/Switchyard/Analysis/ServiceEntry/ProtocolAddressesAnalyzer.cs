namespace Switchyard.Analysis.ServiceEntries;

/// <summary>
/// istioctl's <c>serviceentry.Analyzer</c> (Go type ProtocolAddressesAnalyzer): a ServiceEntry
/// without <c>addresses</c> cannot be told apart from other TCP services on the same port, so each
/// port whose protocol is empty or TCP is IST0134, on that port's <c>name</c> line. Istio skips
/// the check when the mesh auto-allocates addresses (DNS capture + auto-allocate in mesh config);
/// Switchyard reads no mesh config, so auto-allocation is off, as in a default install.
/// </summary>
public sealed class ProtocolAddressesAnalyzer : IAnalyzer
{
    public string Name => "serviceentry.Analyzer";

    public string Description => "Checks the validity of ServiceEntry";

    public IReadOnlyList<MessageType> Produces => [Messages.ServiceEntryAddressesRequired];

    public void Analyze(AnalysisContext context)
    {
        foreach (var se in context.ServiceEntries)
        {
            if (se.Spec.Addresses is { Count: > 0 }) continue;
            var ports = se.Spec.Ports ?? [];
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not { } port) continue;
                if (!string.IsNullOrEmpty(port.Protocol) && !string.Equals(port.Protocol, "TCP", StringComparison.OrdinalIgnoreCase)) continue;
                var shown = string.IsNullOrEmpty(port.Protocol) ? "no protocol (TCP)" : "protocol TCP";
                context.Report(Messages.ServiceEntryAddressesRequired, se, $"spec.ports[{i}].name",
                    $"port {port.Number ?? 0} has {shown}, which is routed by destination address: add spec.addresses, " +
                    "or declare the port HTTP or TLS so Istio can route by Host header or SNI");
            }
        }
    }
}
