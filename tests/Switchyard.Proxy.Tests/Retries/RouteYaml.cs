namespace Switchyard.Proxy.Tests.Retries;

/// <summary>A VirtualService for <c>frontend</c> with one rule to the whole service, plus the
/// given rule-level fields (retries, timeout), indented as rule fields.</summary>
internal static class RouteYaml
{
    public static string With(string ruleFields = "") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: frontend, namespace: default{"}"}
        spec:
          hosts: [frontend]
          http:
          - route:
            - destination: {"{"}host: frontend{"}"}
        {Indent(ruleFields)}
        """;

    private static string Indent(string fields) =>
        string.Join("\n", fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l.TrimEnd()));
}
