using System.Globalization;
using Switchyard.Model.Kubernetes;
using Switchyard.Registry;
using Switchyard.Text;

namespace Switchyard.Analysis.Services;

/// <summary>
/// istioctl's <c>service.PortNameAnalyzer</c>: a Service port whose name (or appProtocol) names
/// no protocol Istio knows is IST0118 (Info) — Istio then sniffs or treats it as opaque TCP. On
/// an ExternalName Service the same finding, and also a port named plain <c>tcp</c>, is IST0150.
/// The control plane's own Services and gateway-managed Services are skipped.
/// </summary>
public sealed class PortNameAnalyzer : IAnalyzer
{
    // Values of gateway.istio.io/managed on Services Istio creates itself (gateways, waypoints).
    private static readonly HashSet<string> ManagedByIstio =
        ["istio.io-gateway-controller", "istio.io-mesh-controller", "istio.io-eastwest-controller"];

    public string Name => "service.PortNameAnalyzer";

    public string Description => "Checks the port names associated with each service";

    public IReadOnlyList<MessageType> Produces => [Messages.PortNameIsNotUnderNamingConvention, Messages.ExternalNameServiceTypeInvalidPortName];

    public void Analyze(AnalysisContext context)
    {
        foreach (var service in context.Services)
        {
            if (AnalysisRunner.IgnoredNamespaces.Contains(service.Namespace) || IsIstioOwned(service)) continue;
            var externalName = service.Spec.Type == "ExternalName";
            var ports = service.Spec.Ports ?? [];
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not { } port) continue;
                var number = port.Port ?? 0;
                var protocol = PortProtocol.Infer(number, port.Name, port.Protocol, port.AppProtocol);
                if (protocol is not null && !(externalName && port.Name == "tcp")) continue;
                var path = $"spec.ports[{i}]";
                if (externalName)
                    context.Report(Messages.ExternalNameServiceTypeInvalidPortName, service, path, ExternalNameHint(port));
                else
                    context.Report(Messages.PortNameIsNotUnderNamingConvention, service, path, Hint(port),
                        port.Name ?? "", number, TargetPort(port));
            }
        }
    }

    /// <summary>Istio's util.IsIstioControlPlane plus the gateway-managed check.</summary>
    private static bool IsIstioOwned(Service service)
    {
        var labels = service.Metadata.Labels;
        if (labels is null) return false;
        return labels.ContainsKey("istio")
               || labels.GetValueOrDefault("release") == "istio"
               || ManagedByIstio.Contains(labels.GetValueOrDefault("gateway.istio.io/managed") ?? "");
    }

    // Kubernetes defaults an unset targetPort to the port, and a live istioctl prints that; its
    // file-based test harness would print 0, which points nowhere.
    private static string TargetPort(ServicePortSpec port) =>
        port.TargetPort ?? (port.Port ?? 0).ToString(CultureInfo.InvariantCulture);

    private static string Hint(ServicePortSpec port)
    {
        if (port.AppProtocol is not null)
            return $"appProtocol {GoFormat.Quote(port.AppProtocol)} is not a protocol Istio knows; use one of {string.Join(", ", PortProtocol.Known)}";
        return $"Istio reads the protocol from the port name <protocol>[-<suffix>]: name it {GoFormat.Quote(SuggestName(port))} or set appProtocol";
    }

    private static string ExternalNameHint(ServicePortSpec port)
    {
        var name = port.Name == "tcp" || string.IsNullOrEmpty(port.Name) ? GuessProtocol(port.Port ?? 0) : SuggestName(port);
        if (name == "tcp") name = "tls";
        return $"an ExternalName service needs a port named for its protocol, other than plain tcp: e.g. {GoFormat.Quote(name)}";
    }

    /// <summary>A conventional name: the misspelt protocol corrected, or the protocol the port number suggests prepended.</summary>
    private static string SuggestName(ServicePortSpec port)
    {
        var name = port.Name ?? "";
        var dash = name.IndexOf('-');
        var prefix = dash >= 0 ? name[..dash] : name;
        var rest = dash >= 0 ? name[dash..] : "";
        // Short words are close to everything ("db" is two edits from "udp"): only near misses count.
        if (prefix.Length > 0 && DidYouMean.Suggest(prefix, PortProtocol.Known) is { } corrected
            && DidYouMean.Distance(prefix.ToLowerInvariant(), corrected) <= (prefix.Length >= 4 ? 2 : 1))
            return corrected + rest;
        var protocol = GuessProtocol(port.Port ?? 0);
        return name.Length == 0 ? protocol : $"{protocol}-{name}";
    }

    private static string GuessProtocol(int port) => port switch
    {
        80 or 8000 or 8080 or 9080 => "http",
        443 or 8443 => "https",
        _ => "tcp",
    };
}
