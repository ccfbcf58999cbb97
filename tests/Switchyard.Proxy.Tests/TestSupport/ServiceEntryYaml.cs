using System.Text;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>A STATIC ServiceEntry that registers real local backends as a service's endpoints.</summary>
public static class ServiceEntryYaml
{
    /// <summary><c>{service}.default.svc.cluster.local</c> on port 80, one endpoint per
    /// (port, labels) pair, each labelled as given.</summary>
    public static string For(string service, IEnumerable<(int Port, string Labels)> endpoints)
    {
        var sb = new StringBuilder($"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {service}-endpoints
              namespace: default
            spec:
              hosts: [{service}.default.svc.cluster.local]
              location: MESH_INTERNAL
              resolution: STATIC
              ports:
              - {"{"}number: 80, name: http, protocol: HTTP{"}"}
              endpoints:

            """);
        foreach (var (port, labels) in endpoints)
            sb.Append($"  - {{address: 127.0.0.1, ports: {{http: {port}}}, labels: {{{labels}}}}}\n");
        return sb.ToString();
    }
}
