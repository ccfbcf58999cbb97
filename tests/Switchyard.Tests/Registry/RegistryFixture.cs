using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Registry;

namespace Switchyard.Tests.Registry;

/// <summary>YAML in, resources and registry out, for the registry and translation tests.</summary>
internal static class RegistryFixture
{
    public static IReadOnlyList<Resource> Load(string yaml)
    {
        var result = ConfigLoader.LoadText(yaml, "t.yaml");
        return result.Resources;
    }

    public static ServiceRegistry Build(string yaml) => ServiceRegistry.Build(Load(yaml));

    public static string Pod(string name, string ip, string labels, string ns = "default", string ports = "") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
          labels: {labels}
        spec:
          containers:
          - name: app
            ports: [{ports}]
        status:
          podIP: {ip}
        ---

        """;
}
