using Switchyard.Model.Networking;
using Switchyard.Tests.Registry;
using Switchyard.Translation;
using Switchyard.Translation.Normalize;

namespace Switchyard.Tests.Translation;

public class DestinationRuleIndexTests
{
    private const string Host = "reviews.shop.svc.cluster.local";

    private static string Rule(string name, string ns, string host, string extra = "") => $$"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: {{name}}, namespace: {{ns}} }
        spec:
          host: {{host}}
        {{extra}}
        ---

        """;

    private static AppliedDestinationRule? Resolve(string yaml, string proxyNs, IReadOnlyDictionary<string, string>? labels = null)
    {
        var index = new DestinationRuleIndex(RegistryFixture.Load(yaml).OfType<DestinationRule>());
        return index.Resolve(Host, "shop", new TranslationOptions { ProxyNamespace = proxyNs, WorkloadLabels = labels ?? new Dictionary<string, string>() });
    }

    [Fact]
    public void Proxy_namespace_rule_wins_over_service_namespace_and_root()
    {
        var yaml = Rule("root", "istio-system", Host) + Rule("svc", "shop", "reviews") + Rule("mine", "web", Host);
        Assert.Equal("mine", Resolve(yaml, "web")!.Primary.Name);
    }

    [Fact]
    public void Service_namespace_rule_applies_when_exported_to_the_proxy()
    {
        var yaml = Rule("root", "istio-system", Host) + Rule("svc", "shop", "reviews");
        Assert.Equal("svc", Resolve(yaml, "web")!.Primary.Name);
        var privateRule = Rule("root", "istio-system", Host) + Rule("svc", "shop", "reviews", "  exportTo: ['.']");
        Assert.Equal("root", Resolve(privateRule, "web")!.Primary.Name);
        Assert.Equal("svc", Resolve(privateRule, "shop")!.Primary.Name);
    }

    [Fact]
    public void Exact_host_beats_wildcard_in_the_same_namespace()
    {
        var yaml = Rule("wild", "shop", "\"*.shop.svc.cluster.local\"") + Rule("exact", "shop", "reviews");
        Assert.Equal("exact", Resolve(yaml, "shop")!.Primary.Name);
        Assert.Equal("wild", Resolve(Rule("wild", "shop", "\"*.shop.svc.cluster.local\""), "web")!.Primary.Name);
    }

    [Fact]
    public void Rules_for_one_host_merge_subsets_and_the_first_policy_wins()
    {
        var yaml = Rule("a", "shop", "reviews", """
              trafficPolicy: { loadBalancer: { simple: RANDOM } }
              subsets: [{ name: v1, labels: { version: v1 } }]
            """) + Rule("b", "shop", "reviews", """
              trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }
              subsets: [{ name: v1, labels: { version: other } }, { name: v2, labels: { version: v2 } }]
            """);
        var rule = Resolve(yaml, "shop")!;
        Assert.Equal(SimpleLB.RANDOM, rule.TrafficPolicy!.LoadBalancer!.Simple);
        Assert.Equal(["v1", "v2"], rule.Subsets.Select(s => s.Name));
        Assert.Equal("v1", rule.FindSubset("v1")!.Subset.Labels!["version"]);
        Assert.Equal("b", rule.FindSubset("v2")!.Owner.Name);
    }

    [Fact]
    public void Workload_selector_rule_applies_only_to_matching_proxies()
    {
        var yaml = Rule("selected", "shop", "reviews", "  workloadSelector: { matchLabels: { app: canary } }") + Rule("plain", "shop", "reviews");
        Assert.Equal("selected", Resolve(yaml, "shop", new Dictionary<string, string> { ["app"] = "canary" })!.Primary.Name);
        Assert.Equal("plain", Resolve(yaml, "shop")!.Primary.Name);
    }
}
