using Switchyard.Registry;
using Switchyard.Tests.Registry;
using Switchyard.Translation;

namespace Switchyard.Tests.Translation;

/// <summary>YAML in, snapshot out (registry built from the same resources).</summary>
internal static class TranslationFixture
{
    public static MeshSnapshot Translate(string yaml, string proxyNamespace = "default", IReadOnlyDictionary<string, string>? labels = null)
    {
        var resources = RegistryFixture.Load(yaml);
        var options = new TranslationOptions { ProxyNamespace = proxyNamespace, WorkloadLabels = labels ?? new Dictionary<string, string>() };
        return MeshTranslator.Translate(resources, ServiceRegistry.Build(resources), options, 1);
    }

    public static string Service(string name, string ns = "default", string ports = "[{ name: http, port: 80, targetPort: 8080 }]") => $$"""
        apiVersion: v1
        kind: Service
        metadata: { name: {{name}}, namespace: {{ns}} }
        spec:
          selector: { app: {{name}} }
          ports: {{ports}}
        ---

        """;

    public static string Pod(string name, string ip, string version, string ns = "default") =>
        RegistryFixture.Pod($"{name}-{version}-{ip.Replace('.', '-')}", ip, $"{{app: {name}, version: {version}}}", ns);
}
