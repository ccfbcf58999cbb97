using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class DestinationTests
{
    private static string Routes(string routes) => With("hosts: [reviews]\nhttp:\n- route:\n"
        + string.Join('\n', routes.Split('\n').Select(l => "  " + l)));

    [Fact]
    public void Two_destinations_with_zero_total_weight_are_rejected()
    {
        var yaml = Routes("""
            - destination: {host: reviews, subset: v1}
              weight: 0
            - destination: {host: reviews, subset: v2}
              weight: 0
            """);
        AssertSingleError(yaml, "spec.http[0].route", "total destination weight = 0", "route:");
    }

    [Fact]
    public void The_broken_zero_weights_example_is_rejected()
    {
        var result = Switchyard.Loading.ConfigLoader.LoadPaths([Path.Combine(AppContext.BaseDirectory, "examples", "broken", "zero-weights.yaml")]);
        var vs = Assert.Single(result.Resources.OfType<Switchyard.Model.Networking.VirtualService>());
        var d = Assert.Single(Switchyard.Validation.ResourceValidator.Validate(vs));
        Assert.Equal(("spec.http[0].route", "total destination weight = 0", 10), (d.FieldPath, d.Message, d.Span.Line));
    }

    [Fact]
    public void A_single_destination_with_weight_zero_is_valid()
    {
        AssertValid(Routes("""
            - destination: {host: reviews}
              weight: 0
            """));
    }

    [Fact]
    public void Weights_need_not_add_up_to_100()
    {
        AssertValid(Routes("""
            - destination: {host: reviews, subset: v1}
              weight: 1
            - destination: {host: reviews, subset: v2}
              weight: 3
            """));
    }

    [Fact]
    public void A_negative_weight_is_rejected()
    {
        var yaml = Routes("""
            - destination: {host: reviews, subset: v1}
              weight: -10
            - destination: {host: reviews, subset: v2}
              weight: 110
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].weight", "weight -10 < 0", "weight: -10");
    }

    [Fact]
    public void A_null_route_entry_is_rejected()
    {
        var yaml = Routes("""
            - null
            """);
        AssertSingleError(yaml, "spec.http[0].route[0]", "weight may not be nil", "- null");
    }

    [Fact]
    public void A_route_entry_without_destination_is_rejected()
    {
        var yaml = Routes("""
            - weight: 100
            """);
        AssertSingleError(yaml, "spec.http[0].route[0]", "destination is required", "- weight");
    }

    [Fact]
    public void Destination_host_star_is_rejected()
    {
        var yaml = Routes("""
            - destination:
                host: "*"
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].destination.host", "invalid destination host *", "host:");
    }

    [Fact]
    public void Destination_host_must_be_a_domain()
    {
        var yaml = Routes("""
            - destination:
                host: reviews..default
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].destination.host",
            // Istio names the rest of the domain after the first label, as here.
            "domain name \".default\" invalid (label \"\" invalid)", "host:");
    }

    [Fact]
    public void A_wildcard_destination_host_is_accepted()
    {
        AssertValid(Routes("""
            - destination: {host: "*.example.com"}
            """));
    }

    [Fact]
    public void A_subset_that_is_not_a_dns_label_is_rejected()
    {
        var yaml = Routes("""
            - destination:
                host: reviews
                subset: V1_beta
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].destination.subset", "subset name is invalid: V1_beta", "subset:");
    }

    [Fact]
    public void A_destination_port_out_of_range_is_rejected()
    {
        var yaml = Routes("""
            - destination:
                host: reviews
                port:
                  number: 65536
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].destination.port.number",
            "port number 65536 must be in the range 1..65535", "number:");
    }

    [Fact]
    public void An_empty_port_selector_means_port_zero_and_is_rejected()
    {
        var yaml = Routes("""
            - destination:
                host: reviews
                port: {}
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].destination.port.number",
            "port number 0 must be in the range 1..65535", "port:");
    }
}
