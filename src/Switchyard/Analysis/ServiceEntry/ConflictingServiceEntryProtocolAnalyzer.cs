using Switchyard.Translation.Normalize;
using Switchyard.Model.Networking;

namespace Switchyard.Analysis.ServiceEntries;

/// <summary>
/// istioctl's <c>serviceentry.ConflictingServiceEntryProtocolAnalyzer</c>: ServiceEntries visible
/// in the same scope that declare one host and port with different protocols (upper-cased; an
/// empty protocol counts as one) leave Istio to pick one; each involved entry gets IST0177 once,
/// on its <c>metadata.name</c> line. Hosts are compared as written, as Istio does.
/// </summary>
public sealed class ConflictingServiceEntryProtocolAnalyzer : IAnalyzer
{
    private const string AllNamespaces = "*";

    private sealed record Entry(string Protocol, ServiceEntry Source);

    public string Name => "serviceentry.ConflictingServiceEntryProtocolAnalyzer";

    public string Description => "Checks if multiple ServiceEntries define the same host and port with different protocols";

    public IReadOnlyList<MessageType> Produces => [Messages.ConflictingServiceEntryProtocol];

    public void Analyze(AnalysisContext context)
    {
        var index = new Dictionary<(string Scope, string Host, uint Port), List<Entry>>();
        foreach (var se in context.ServiceEntries)
            foreach (var scope in ExportScope.Scopes(se.Spec.ExportTo, se.Namespace))
                foreach (var host in se.Spec.Hosts ?? [])
                    foreach (var port in se.Spec.Ports ?? [])
                    {
                        if (host is null || port is null) continue;
                        var key = (scope, host, port.Number ?? 0);
                        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Entry>();
                        list.Add(new Entry(port.Protocol ?? "", se));
                    }

        // Istio walks a Go map (random order); sorting the keys makes "which conflict an entry is
        // reported for" stable from run to run.
        var reported = new HashSet<string>(StringComparer.Ordinal); // by ns/name, as Istio keys it
        foreach (var key in index.Keys.OrderBy(k => k.Scope, StringComparer.Ordinal).ThenBy(k => k.Host, StringComparer.Ordinal).ThenBy(k => k.Port))
        {
            var entries = new List<Entry>(index[key]);
            // A namespace's view also holds the entries exported to every namespace.
            if (key.Scope != AllNamespaces && index.TryGetValue((AllNamespaces, key.Host, key.Port), out var global))
                entries.AddRange(global);
            var protocols = entries.Select(e => e.Protocol.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
            if (protocols.Count < 2) continue;

            var names = entries.Select(e => FullName(e.Source)).Distinct().Order(StringComparer.Ordinal);
            var namesText = string.Join(", ", names);
            var protocolsText = string.Join(", ", protocols);
            var hint = Hint(entries, key.Port);
            foreach (var e in entries)
            {
                if (!reported.Add(FullName(e.Source))) continue;
                context.Report(Messages.ConflictingServiceEntryProtocol, e.Source, "metadata.name", hint,
                    namesText, GoFormat.Quote(key.Host), key.Port, protocolsText);
            }
        }
    }

    private static string FullName(ServiceEntry se) => $"{se.Namespace}/{se.Name}";

    private static string Hint(List<Entry> entries, uint port)
    {
        var declared = entries
            .Select(e => (Protocol: e.Protocol.Length == 0 ? "no protocol" : e.Protocol.ToUpperInvariant(), Name: FullName(e.Source)))
            .Distinct()
            .OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Protocol, StringComparer.Ordinal)
            .Select(d => $"{d.Name} says {d.Protocol}");
        return $"{string.Join(", ", declared)}; declare port {port} with one protocol in every ServiceEntry of this host";
    }
}
