using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Headers;
using Ops = Switchyard.Model.Networking.HeaderOperations;

namespace Switchyard.Tests.Translation.Policies.Headers;

public class HeadersPolicyTests
{
    private static HTTPRouteDestination Dest(Ops? request = null, Ops? response = null) => new()
    {
        Destination = new Destination { Host = "frontend" },
        Headers = request is null && response is null ? null : new Switchyard.Model.Networking.Headers { Request = request, Response = response },
    };

    [Fact]
    public void A_rule_without_header_operations_compiles_to_null()
    {
        Assert.Null(HeadersPolicy.Compile(new HTTPRoute { Route = [Dest(), Dest()] }));
    }

    [Fact]
    public void Set_and_add_are_sorted_by_name_lowercased_and_drop_pseudo_headers_host_and_empty_values()
    {
        var m = HeaderMutation.Compile(new Ops
        {
            Set = new Dictionary<string, string> { ["x-b"] = "2", ["X-A"] = "1", [":authority"] = "h", ["x-empty"] = "" },
            Add = new Dictionary<string, string> { ["Host"] = "h", ["x-c"] = "3" },
            Remove = ["X-Gone", ":path", "host"],
        })!;
        Assert.Equal(["x-a", "x-b"], m.Set.Select(s => s.Key));
        Assert.Equal(["x-c"], m.Append.Select(s => s.Key));
        Assert.Equal(["x-gone"], m.Remove);
        Assert.Null(HeaderMutation.Compile(new Ops { Set = new Dictionary<string, string> { ["host"] = "h" } }));
    }

    [Fact]
    public void A_single_destination_is_merged_after_the_route_in_one_mutation()
    {
        var rule = new HTTPRoute
        {
            Headers = new Switchyard.Model.Networking.Headers { Request = new Ops { Set = new Dictionary<string, string> { ["x"] = "route" } } },
            Route = [Dest(new Ops { Set = new Dictionary<string, string> { ["x"] = "dest" } })],
        };
        var p = HeadersPolicy.Compile(rule)!;
        Assert.Equal(["route", "dest"], p.Request!.Set.Select(s => s.Value));
        Assert.Null(p.For(0));
    }

    [Fact]
    public void Several_destinations_keep_their_own_by_position_and_lose_authority_to_a_route_rewrite()
    {
        var a = Dest(new Ops { Set = new Dictionary<string, string> { [":authority"] = "a-host", ["x"] = "a" } });
        var p = HeadersPolicy.Compile(new HTTPRoute { Route = [Dest(), a, a] })!;
        Assert.Null(p.Request);
        Assert.Null(p.For(0));
        Assert.Equal("a-host", p.For(1)!.Authority);
        Assert.Equal("a-host", p.For(2)!.Authority);

        var withRewrite = HeadersPolicy.Compile(new HTTPRoute { Rewrite = new HTTPRewrite { Authority = "r" }, Route = [a, Dest()] })!;
        Assert.Null(withRewrite.For(0)!.Authority);
    }
}
