using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>A VirtualService for <c>frontend</c> with one rule to the whole service, plus the
/// given rule-level fields (retries, timeout), indented as rule fields.</summary>
internal static class RouteYaml
{
    public static string With(string ruleFields = "") => MeshYaml.VirtualService("frontend", $"""
        - route:
          - destination: {"{"}host: frontend{"}"}
        {MeshYaml.Indent(ruleFields, 2)}
        """);
}
