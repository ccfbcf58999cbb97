using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class MirrorTests
{
    private static string RouteWith(string extra) => With("""
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
        """ + "\n" + string.Join('\n', extra.Split('\n').Select(l => "  " + l)));

    [Fact]
    public void Mirror_with_percentage_and_mirrors_list_are_valid()
    {
        AssertValid(RouteWith("""
            mirror: {host: shadow, subset: v2}
            mirrorPercentage: {value: 50.5}
            """));
        AssertValid(RouteWith("""
            mirrors:
            - destination: {host: shadow}
              percentage: {value: 0}
            - destination: {host: shadow2}
            """));
    }

    [Fact]
    public void Deprecated_mirror_percent_draws_a_warning()
    {
        var yaml = RouteWith("""
            mirror: {host: shadow}
            mirrorPercent: 20
            """);
        AssertSingleWarning(yaml, "spec.http[0].mirrorPercent",
            "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead", "mirrorPercent:");
    }

    [Fact]
    public void Deprecated_mirror_percent_alias_above_100_is_rejected_and_warned()
    {
        var yaml = RouteWith("""
            mirror: {host: shadow}
            mirror_percent: 101
            """);
        var all = Validate(yaml);
        Assert.Equal(2, all.Count);
        Assert.Equal(("spec.http[0].mirrorPercent", "mirror_percent must have a max value of 100 (it has 101)", Line(yaml, "mirror_percent:")),
            (all[0].FieldPath, all[0].Message, all[0].Span.Line));
        Assert.Equal(Switchyard.Diagnostics.Severity.Warning, all[1].Severity);
    }

    [Fact]
    public void Mirror_percentage_above_100_is_rejected()
    {
        var yaml = RouteWith("""
            mirror: {host: shadow}
            mirrorPercentage:
              value: 100.5
            """);
        AssertSingleError(yaml, "spec.http[0].mirrorPercentage.value",
            "mirror_percentage must have a max value of 100 (it has 100.500000)", "value:");
    }

    [Fact]
    public void Mirror_percentage_below_0_is_rejected()
    {
        var yaml = RouteWith("""
            mirror: {host: shadow}
            mirrorPercentage:
              value: -1
            """);
        AssertSingleError(yaml, "spec.http[0].mirrorPercentage.value",
            "mirror_percentage must have a min value of 0 (it has -1.000000)", "value:");
    }

    [Fact]
    public void Mirror_destination_is_validated()
    {
        var yaml = RouteWith("""
            mirror:
              host: "*"
            """);
        AssertSingleError(yaml, "spec.http[0].mirror.host", "invalid destination host *", "host: \"*\"");
    }

    [Fact]
    public void A_null_mirrors_entry_is_rejected()
    {
        var yaml = RouteWith("""
            mirrors:
            - null
            """);
        AssertSingleError(yaml, "spec.http[0].mirrors[0]", "mirror cannot be null", "- null");
    }

    [Fact]
    public void A_mirrors_entry_without_destination_is_rejected()
    {
        var yaml = RouteWith("""
            mirrors:
            - percentage: {value: 5}
            """);
        AssertSingleError(yaml, "spec.http[0].mirrors[0]", "destination is required for mirrors", "- percentage");
    }

    [Fact]
    public void A_mirrors_entry_percentage_above_100_is_rejected()
    {
        var yaml = RouteWith("""
            mirrors:
            - destination: {host: shadow}
              percentage:
                value: 200
            """);
        AssertSingleError(yaml, "spec.http[0].mirrors[0].percentage.value",
            "mirror percentage must have a max value of 100 (it has 200.000000)", "value:");
    }

    [Fact]
    public void A_mirrors_entry_destination_is_validated()
    {
        var yaml = RouteWith("""
            mirrors:
            - destination:
                host: shadow
                subset: Bad_Subset
            """);
        AssertSingleError(yaml, "spec.http[0].mirrors[0].destination.subset", "subset name is invalid: Bad_Subset", "subset:");
    }
}
