using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Metrics;

/// <summary>The mesh the metrics and dashboard tests send known traffic through: end-user jason
/// goes to v2, canary to subset v3 that no DestinationRule defines (503 NC), everyone else to
/// <paramref name="defaultRoute"/>'s destinations.</summary>
public static class KnownTrafficConfig
{
    public static string With(string defaultRoute) => MeshYaml.Join(
        MeshYaml.DestinationRule("frontend", subsets: """
            - {name: v1, labels: {version: v1}}
            - {name: v2, labels: {version: v2}}
            """),
        MeshYaml.VirtualService("frontend", """
            - match: [{headers: {end-user: {exact: jason}}}]
              route: [{destination: {host: frontend, subset: v2}}]
            - match: [{headers: {end-user: {exact: canary}}}]
              route: [{destination: {host: frontend, subset: v3}}]
            - route:
            """ + "\n" + MeshYaml.Indent(defaultRoute, 2)));
}
