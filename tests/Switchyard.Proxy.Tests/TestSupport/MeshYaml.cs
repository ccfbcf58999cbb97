using System.Text;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// The fixed header lines of the Istio resources the proxy tests write, so each test shows only
/// the part it is about: the <c>http</c> rules of a VirtualService, the <c>trafficPolicy</c> and
/// <c>subsets</c> of a DestinationRule. Everything lives in namespace <c>default</c>; a resource is
/// named after its host's first label (<c>frontend</c>, <c>shop</c> for <c>shop.example.com</c>).
/// Blocks are written at column 0 and indented here to where they belong.
/// </summary>
public static class MeshYaml
{
    /// <summary>A VirtualService for <paramref name="host"/> whose <c>http:</c> list is
    /// <paramref name="http"/> (items starting with <c>- </c>).</summary>
    public static string VirtualService(string host, string http) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: {{NameOf(host)}}, namespace: default}
        spec:
          hosts: [{{host}}]
          http:
        {{Indent(http, 2)}}
        """;

    /// <summary>A DestinationRule for <paramref name="host"/> with the fields of its
    /// <c>trafficPolicy:</c> and the items of its <c>subsets:</c> list, each only when given.</summary>
    public static string DestinationRule(string host, string? trafficPolicy = null, string? subsets = null)
    {
        var sb = new StringBuilder($$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: {{NameOf(host)}}, namespace: default}
            spec:
              host: {{host}}

            """);
        if (trafficPolicy is not null) sb.Append("  trafficPolicy:\n").Append(Indent(trafficPolicy, 4)).Append('\n');
        if (subsets is not null) sb.Append("  subsets:\n").Append(Indent(subsets, 2)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Several resources as one multi-document YAML text.</summary>
    public static string Join(params string[] documents) =>
        string.Join("\n---\n", documents.Select(d => d.TrimEnd('\n')));

    /// <summary><paramref name="block"/> with every non-blank line moved right by <paramref name="spaces"/>.</summary>
    public static string Indent(string block, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", block.Split('\n').Where(l => l.Trim().Length > 0).Select(l => pad + l.TrimEnd()));
    }

    private static string NameOf(string host) => host.Split('.')[0];
}
