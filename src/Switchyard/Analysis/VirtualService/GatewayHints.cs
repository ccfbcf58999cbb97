using Switchyard.Model.Networking;
using Switchyard.Text;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>The fix hints of <see cref="GatewayAnalyzer"/>: the gateway meant, and the hosts a gateway does serve.</summary>
public static class GatewayHints
{
    /// <summary>For a <c>gateways</c> entry naming no Gateway: the same name in another namespace, or the closest name.</summary>
    public static string? ForMissingGateway(string entry, string vsNamespace, IReadOnlyList<Gateway> gateways)
    {
        if (gateways.Count == 0)
            return "no Gateway is in the analyzed input; add its manifest, or write \"ns/name\" for one that lives elsewhere";
        var (ns, name) = GatewayAnalyzer.SplitName(entry, vsNamespace);
        var elsewhere = gateways.Where(g => g.Name == name && g.Namespace != ns).Select(FullName).Order(StringComparer.Ordinal).ToList();
        if (elsewhere.Count > 0 && !entry.Contains('/'))
            return $"a bare gateway name means namespace {vsNamespace}; did you mean {GoFormat.Quote(elsewhere[0])}?";
        if (elsewhere.Count > 0)
            return $"did you mean {GoFormat.Quote(elsewhere[0])}?";

        // Candidates written the way this VirtualService would write them.
        var candidates = gateways.Select(g => g.Namespace == vsNamespace && !entry.Contains('/') ? g.Name : FullName(g)).Distinct().ToList();
        var suggestion = DidYouMean.Suggest(entry, candidates);
        if (suggestion is not null) return $"did you mean {GoFormat.Quote(suggestion)}?";
        var local = gateways.Where(g => g.Namespace == ns).Select(g => g.Name).Order(StringComparer.Ordinal).ToList();
        return local.Count > 0 ? $"Gateways in namespace {ns}: {string.Join(", ", local)}" : $"no Gateway in namespace {ns}";
    }

    /// <summary>For a gateway that serves none of the VirtualService's hosts: what it does serve, and to whom.</summary>
    public static string ForUnservedHosts(Gateway gateway, string vsNamespace, IReadOnlyList<string> served)
    {
        var written = (gateway.Spec.Servers ?? []).Where(s => s is not null).SelectMany(s => s!.Hosts ?? []).Distinct().ToList();
        var name = FullName(gateway);
        if (written.Count == 0) return $"Gateway {name} has no server hosts";
        var hint = $"Gateway {name} serves hosts: {string.Join(", ", written)}";
        if (served.Count == 0)
            return hint + $" (none of them to VirtualServices of namespace {vsNamespace}: a \"ns/host\" entry admits only namespace ns, \"./host\" only {gateway.Namespace})";
        return hint + "; add a VirtualService host to a server's hosts, or one of these hosts to the VirtualService";
    }

    private static string FullName(Gateway g) => $"{g.Namespace}/{g.Name}";
}
