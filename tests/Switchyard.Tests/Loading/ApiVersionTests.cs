using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>Istio serves v1, v1beta1 and v1alpha3 with one schema; any other version is refused.</summary>
public class ApiVersionTests
{
    [Theory]
    [InlineData("networking.istio.io/v1")]
    [InlineData("networking.istio.io/v1beta1")]
    [InlineData("networking.istio.io/v1alpha3")]
    public void Every_served_Istio_version_loads_with_the_same_model(string apiVersion)
    {
        var result = Load($"""
            apiVersion: {apiVersion}
            kind: DestinationRule
            metadata: {"{"}name: reviews{"}"}
            spec:
              host: reviews
              subsets: [{"{"}name: v1, labels: {"{"}version: v1{"}"}{"}"}]
            """);

        Assert.Empty(result.AllDiagnostics);
        var dr = Assert.IsType<DestinationRule>(Assert.Single(result.Resources));
        Assert.Equal(apiVersion, dr.ApiVersion);
        Assert.Equal("v1", dr.Spec.Subsets![0]!.Name);
    }

    [Fact]
    public void Unsupported_Istio_version_is_an_error_naming_the_served_versions()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v2
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
            """);

        Assert.Empty(result.Resources);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("apiVersion", error.FieldPath);
        Assert.Equal(1, error.Span.Line);
        Assert.Equal("VirtualService default/reviews", error.Resource!.ToString());
        Assert.Contains("networking.istio.io/v2", error.Message);
        Assert.Contains("networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3", error.Message);
    }

    [Fact]
    public void Unsupported_Kubernetes_version_is_an_error_too()
    {
        var error = OneFieldError("""
            apiVersion: apps/v1beta2
            kind: Deployment
            metadata: {name: old}
            """);
        Assert.Contains("served: apps/v1", error.Message);
    }

    [Theory]
    [InlineData("kind: VirtualService\nmetadata: {name: a}\n", "apiVersion")]
    [InlineData("apiVersion: networking.istio.io/v1\nmetadata: {name: a}\n", "kind")]
    public void Missing_apiVersion_or_kind_is_an_error(string text, string missing)
    {
        var error = OneFieldError(text);
        Assert.Equal(missing, error.FieldPath);
        Assert.Contains($"missing {missing}", error.Message);
    }
}
