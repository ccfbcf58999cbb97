using Switchyard.Model.Networking;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class HeaderMatchTests
{
    private const string JasonToV2 = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts: [reviews]
          http:
          - name: jason
            match:
            - headers:
                end-user:
                  exact: jason
            route:
            - destination: {host: reviews, subset: v2}
          - name: everyone-else
            route:
            - destination: {host: reviews, subset: v1}
        """;

    [Fact]
    public void Header_match_sends_jason_to_v2()
    {
        var host = Host(JasonToV2);
        Assert.Equal("jason", RouteFor(host, Get("/reviews/1", Headers(("end-user", "jason")))));
        Assert.Equal("everyone-else", RouteFor(host, Get("/reviews/1", Headers(("end-user", "alice")))));
        Assert.Equal("everyone-else", RouteFor(host, Get("/reviews/1")));
    }

    [Fact]
    public void Header_names_match_in_any_case()
    {
        var host = Host(JasonToV2);
        Assert.Equal("jason", RouteFor(host, Get("/", Headers(("End-User", "jason")))));
    }

    [Fact]
    public void Header_values_are_case_sensitive()
    {
        Assert.False(Holds(new HTTPMatchRequest { Headers = Map("end-user", Exact("jason")) }, Get("/", Headers(("end-user", "Jason")))));
    }

    [Fact]
    public void Header_prefix_and_regex()
    {
        var prefix = new HTTPMatchRequest { Headers = Map("user-agent", Prefix("Mozilla/")) };
        Assert.True(Holds(prefix, Get("/", Headers(("user-agent", "Mozilla/5.0")))));
        Assert.False(Holds(prefix, Get("/", Headers(("user-agent", "curl/8.0")))));

        var regex = new HTTPMatchRequest { Headers = Map("x-version", Regex("v[0-9]+")) };
        Assert.True(Holds(regex, Get("/", Headers(("x-version", "v12")))));
        Assert.False(Holds(regex, Get("/", Headers(("x-version", "v12-beta")))));
    }

    [Fact]
    public void Empty_header_match_only_needs_the_header_present()
    {
        var match = new HTTPMatchRequest { Headers = Map("x-canary", new StringMatch()) };
        Assert.True(Holds(match, Get("/", Headers(("x-canary", "")))));
        Assert.True(Holds(match, Get("/", Headers(("x-canary", "anything")))));
        Assert.False(Holds(match, Get("/")));
    }

    [Fact]
    public void Null_header_match_and_star_regex_also_mean_present()
    {
        Assert.True(Holds(new HTTPMatchRequest { Headers = Map("x-canary", null) }, Get("/", Headers(("x-canary", "1")))));
        Assert.False(Holds(new HTTPMatchRequest { Headers = Map("x-canary", null) }, Get("/")));
        // Istio translates regex "*" to present_match (istio/istio#20629).
        Assert.True(Holds(new HTTPMatchRequest { Headers = Map("x-canary", Regex("*")) }, Get("/", Headers(("x-canary", "1")))));
    }

    [Fact]
    public void Exact_empty_value_needs_the_header_present_and_empty()
    {
        var match = new HTTPMatchRequest { Headers = Map("x-flag", Exact("")) };
        Assert.True(Holds(match, Get("/", Headers(("x-flag", "")))));
        Assert.False(Holds(match, Get("/")));
    }

    [Fact]
    public void Header_keys_uri_scheme_method_authority_are_ignored()
    {
        var match = new HTTPMatchRequest
        {
            Headers = new Dictionary<string, StringMatch?>
            {
                ["uri"] = Exact("/never"),
                ["method"] = Exact("DELETE"),
                ["scheme"] = Exact("ftp"),
                ["authority"] = Exact("nowhere"),
            },
        };
        Assert.True(Holds(match, Get("/")));
    }

    [Fact]
    public void Joined_values_of_a_repeated_header_are_matched_as_one()
    {
        // IRequestView joins repeated headers with ",", as Envoy's getAllOfHeaderAsString.
        var match = new HTTPMatchRequest { Headers = Map("x-tag", Exact("a,b")) };
        Assert.True(Holds(match, Get("/", Headers(("x-tag", "a,b")))));
    }

    [Fact]
    public void Host_and_authority_pseudo_header_names_read_the_authority()
    {
        var match = new HTTPMatchRequest { Headers = Map(":authority", Exact("reviews:9080")) };
        Assert.True(Holds(match, Get("/")));
        Assert.True(Holds(new HTTPMatchRequest { Headers = Map("host", Prefix("reviews")) }, Get("/")));
    }
}
