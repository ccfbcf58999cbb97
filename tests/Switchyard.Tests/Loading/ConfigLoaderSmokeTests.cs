using Switchyard.Loading;
using Switchyard.Model.Networking;

namespace Switchyard.Tests.Loading;

public class ConfigLoaderSmokeTests
{
    [Fact]
    public void Frontend_example_loads_with_field_lines()
    {
        var result = ConfigLoader.LoadPaths([Path.Combine(AppContext.BaseDirectory, "examples", "frontend")]);
        Assert.Empty(result.AllDiagnostics);
        Assert.Equal(5, result.Resources.Count);
        var vs = Assert.Single(result.Resources.OfType<VirtualService>());
        Assert.Equal(50, vs.Spec.Http![0]!.Route![1]!.Weight);
        Assert.Equal("v2", vs.Spec.Http[0]!.Route![1]!.Destination!.Subset);
        Assert.EndsWith("virtual-service.yaml", vs.Span.File);
        Assert.Equal(19, vs.SpanOf("spec.http[0].route[1].destination.subset").Line);
    }

    [Fact]
    public void Typo_field_is_reported_with_did_you_mean()
    {
        var result = ConfigLoader.LoadPaths([Path.Combine(AppContext.BaseDirectory, "examples", "broken", "typo-field.yaml")]);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("spec.http[0].rout", error.FieldPath);
        Assert.Contains("did you mean \"route\"", error.Message);
        Assert.Equal(13, error.Span.Line);
        Assert.Equal("VirtualService default/catalog", error.Resource!.ToString());
    }
}
