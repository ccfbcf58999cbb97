using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.DestinationRules;

public class SubsetSelectPodAnalyzerTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          namespace: default
        spec:
          selector:
            app: frontend
          ports:
          - name: http
            port: 80
        """;

    private static string Deployment(string name, string version, string ns = "default", string? nodeName = null) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: frontend
          template:
            metadata:
              labels:
                app: frontend
                version: {version}
            spec:
        {(nodeName is null ? "      containers: []" : $"      nodeName: {nodeName}")}
        """;

    private const string DestinationRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: frontend
          namespace: default
        spec:
          host: frontend
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
        """;

    private static List<Diagnostic> Run(params string[] docs)
    {
        var resources = ConfigLoader.LoadText(string.Join("\n---\n", docs), "dr.yaml").Resources;
        return AnalysisRunner.Run(resources, new AnalysisOptions { Analyzers = ["destinationrule.SubsetSelectPodAnalyzer"], AllNamespaces = true },
            Suppressions.Parse([], out _));
    }

    [Fact]
    public void Subsets_selecting_deployment_pods_are_fine()
    {
        Assert.Empty(Run(DestinationRule, Service, Deployment("frontend-v1", "v1"), Deployment("frontend-v2", "v2")));
    }

    [Fact]
    public void Subset_selecting_no_pod_is_IST0173_at_the_subset_name_with_the_labels_pods_carry()
    {
        var m = Assert.Single(Run(DestinationRule, Service, Deployment("frontend-v1", "v1"), Deployment("frontend-v3", "v3")));
        Assert.Equal("IST0173", m.Code);
        Assert.Equal(Severity.Error, m.Severity);
        Assert.Equal("The Subset v2 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).", m.Message);
        Assert.Equal(12, m.Span.Line);
        Assert.Equal("subset v2 selects labels {version: v2}; pods of frontend carry version: v1, v3", m.Hint);
    }

    [Fact]
    public void Pods_of_any_namespace_count_for_a_subset()
    {
        // Istio's analyzer tests pods of every namespace, not only the service's.
        var messages = Run(DestinationRule, Service, Deployment("frontend-v1", "v1"), Deployment("frontend-v2", "v2", ns: "other"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Hint_says_when_no_pod_matches_the_service_selector()
    {
        var otherApp = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: backend
              namespace: default
              labels:
                app: backend
            """;
        var messages = Run(DestinationRule, Service, otherApp);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("IST0173", m.Code));
        Assert.Equal("subset v1 selects labels {version: v1}; no pod matches the selector {app: frontend} of service frontend", messages[0].Hint);
    }

    [Fact]
    public void Subset_with_empty_labels_selects_any_pod()
    {
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend
              namespace: default
            spec:
              host: frontend
              subsets:
              - name: all
            """;
        Assert.Empty(Run(dr, Service, Deployment("frontend-v1", "v1")));
    }

    [Fact]
    public void Topology_labels_of_the_pods_node_are_matched()
    {
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend
              namespace: default
            spec:
              host: frontend
              subsets:
              - name: west
                labels:
                  topology.kubernetes.io/region: us-west-1
              - name: node-a
                labels:
                  kubernetes.io/hostname: node-a
              - name: east
                labels:
                  topology.kubernetes.io/region: us-east-1
            """;
        var node = """
            apiVersion: v1
            kind: Node
            metadata:
              name: node-a
              labels:
                topology.kubernetes.io/region: us-west-1
            """;
        var m = Assert.Single(Run(dr, Service, node, Deployment("frontend-v1", "v1", nodeName: "node-a")));
        Assert.Equal("The Subset east defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).", m.Message);
        Assert.Equal("subset east selects labels {topology.kubernetes.io/region: us-east-1}; pods of frontend carry topology.kubernetes.io/region: us-west-1", m.Hint);
    }

    [Fact]
    public void Service_entry_workload_selector_is_merged_into_the_subset_selector()
    {
        var se = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: payments
              namespace: default
            spec:
              hosts:
              - payments.example.com
              ports:
              - number: 80
                name: http
                protocol: HTTP
              resolution: STATIC
              workloadSelector:
                labels:
                  app: payments
            """;
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: payments
              namespace: default
            spec:
              host: payments.example.com
              subsets:
              - name: v1
                labels:
                  version: v1
            """;
        // The pod has version v1 but not the SE's app label, so the merged selector misses it.
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: frontend
              namespace: default
              labels:
                app: frontend
                version: v1
            """;
        var m = Assert.Single(Run(dr, se, pod));
        Assert.Equal("IST0173", m.Code);
        Assert.Equal("subset v1 selects labels {app: payments, version: v1}; pods in the input carry app: frontend", m.Hint);
    }

    [Fact]
    public void Unknown_host_is_IST0174_at_the_host_line_with_the_closest_host()
    {
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend
              namespace: default
            spec:
              host: frontnd
              subsets:
              - name: v1
                labels:
                  version: v1
            """;
        var m = Assert.Single(Run(dr, Service, Deployment("frontend-v1", "v1")));
        Assert.Equal("IST0174", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal("The host frontnd defined in the DestinationRule does not match any services in the mesh.", m.Message);
        Assert.Equal(7, m.Span.Line);
        Assert.Equal("did you mean \"frontend\"?", m.Hint);
    }

    [Fact]
    public void Host_of_a_service_not_exported_to_the_rule_is_IST0174()
    {
        var hidden = """
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
              namespace: shop
              annotations:
                networking.istio.io/exportTo: "."
            spec:
              ports:
              - name: http
                port: 80
            """;
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend
              namespace: default
            spec:
              host: frontend.shop.svc.cluster.local
            """;
        var m = Assert.Single(Run(dr, hidden));
        Assert.Equal("IST0174", m.Code);
        Assert.Equal("no Service or ServiceEntry visible to namespace default defines frontend.shop.svc.cluster.local", m.Hint);
    }

    [Fact]
    public void Rule_exported_to_the_services_namespace_finds_it()
    {
        var hidden = """
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
              namespace: shop
              annotations:
                networking.istio.io/exportTo: "."
            spec:
              ports:
              - name: http
                port: 80
            """;
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend
              namespace: default
            spec:
              host: frontend.shop.svc.cluster.local
              exportTo:
              - shop
            """;
        Assert.Empty(Run(dr, hidden));
    }

    [Fact]
    public void Wildcard_service_entry_host_covers_the_rule_host()
    {
        var se = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: wiki
              namespace: default
            spec:
              hosts:
              - "*.wikipedia.org"
              ports:
              - number: 443
                name: tls
                protocol: TLS
            """;
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: wiki
              namespace: default
            spec:
              host: en.wikipedia.org
            """;
        Assert.Empty(Run(dr, se));
    }

    [Fact]
    public void Without_services_or_pods_in_the_input_nothing_is_judged()
    {
        // istioctl skips the analyzer when it has no Services/Pods to read; so do we.
        Assert.Empty(Run(DestinationRule));
        Assert.Empty(Run(DestinationRule, Service));
    }
}
