using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>
/// Istio and Gateway API kinds Switchyard does not enforce are read past with a warning naming
/// the kind, so "0 resources valid" never hides an AuthorizationPolicy that does nothing here.
/// </summary>
public class UnenforcedKindTests
{
    [Theory]
    [InlineData("security.istio.io/v1", "AuthorizationPolicy")]
    [InlineData("security.istio.io/v1", "RequestAuthentication")]
    [InlineData("security.istio.io/v1beta1", "PeerAuthentication")]
    [InlineData("networking.istio.io/v1", "Sidecar")]
    [InlineData("networking.istio.io/v1alpha3", "EnvoyFilter")]
    [InlineData("networking.istio.io/v1beta1", "ProxyConfig")]
    [InlineData("telemetry.istio.io/v1", "Telemetry")]
    [InlineData("extensions.istio.io/v1alpha1", "WasmPlugin")]
    [InlineData("gateway.networking.k8s.io/v1", "HTTPRoute")]
    [InlineData("gateway.networking.k8s.io/v1", "GRPCRoute")]
    [InlineData("gateway.networking.k8s.io/v1alpha2", "TCPRoute")]
    [InlineData("gateway.networking.k8s.io/v1alpha2", "TLSRoute")]
    [InlineData("gateway.networking.k8s.io/v1", "Gateway")]
    public void An_unenforced_kind_is_a_warning_naming_it(string apiVersion, string kind)
    {
        var result = Load($"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {"{"}name: a{"}"}
            spec: {"{"}hosts: [a]{"}"}
            ---
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: policy
              namespace: shop
            spec: {"{"}{"}"}
            """);

        Assert.Empty(result.AllDiagnostics);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"{kind} {apiVersion} is not enforced by Switchyard; ignored", warning.Message);
        Assert.Equal(FileName, warning.Span.File);
        Assert.Equal(6, warning.Span.Line);
        Assert.Equal($"{kind} shop/policy", warning.Resource!.ToString());
    }

    [Fact]
    public void A_misspelt_istio_kind_is_a_warning_with_a_suggestion_not_silence()
    {
        var result = Load("apiVersion: networking.istio.io/v1\nkind: VirtualServce\nmetadata: {name: a}\n");
        Assert.Empty(result.AllDiagnostics);
        Assert.Equal("networking.istio.io has no kind VirtualServce; ignored; did you mean \"VirtualService\"?", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void Kinds_of_other_groups_stay_silent()
    {
        var result = Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: b}\n");
        Assert.Empty(result.Warnings);
        Assert.Equal(2, result.Skipped.Count);
    }

    [Fact]
    public void The_warning_reaches_the_admitted_config_set_that_validate_prints()
    {
        using var dir = new TempDirectory();
        dir.Write("policy.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny-all, namespace: shop}\nspec: {}\n");

        var load = ConfigPipeline.Read([dir.Path], new LoadOptions());

        Assert.True(load.IsValid);
        var warning = Assert.Single(load.Set.Warnings);
        Assert.Equal("AuthorizationPolicy security.istio.io/v1 is not enforced by Switchyard; ignored", warning.Message);
        Assert.EndsWith("policy.yaml", warning.Span.File);
        Assert.Equal(1, warning.Span.Line);
    }
}
