using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Rewrite;

namespace Switchyard.Tests.Translation.Policies.Rewrite;

public class RewritePolicyTests
{
    private static HTTPRouteDestination Dest(Switchyard.Model.Networking.Headers? headers = null) =>
        new() { Destination = new Destination { Host = "frontend" }, Headers = headers };

    [Fact]
    public void A_rule_without_rewrite_or_authority_headers_compiles_to_null()
    {
        Assert.Null(RewritePolicy.Compile(new HTTPRoute { Route = [Dest()] }));
    }

    [Fact]
    public void Redirect_and_direct_response_rules_never_rewrite()
    {
        var rewrite = new HTTPRewrite { Uri = "/x", Authority = "a" };
        Assert.Null(RewritePolicy.Compile(new HTTPRoute { Rewrite = rewrite, Redirect = new HTTPRedirect { Uri = "/r" } }));
        Assert.Null(RewritePolicy.Compile(new HTTPRoute { Rewrite = rewrite, DirectResponse = new HTTPDirectResponse { Status = 200 } }));
    }

    [Fact]
    public void Matched_length_follows_each_match_entry()
    {
        var p = RewritePolicy.Compile(new HTTPRoute
        {
            Match = [new() { Uri = new() { Prefix = "/api" } }, new() { Uri = new() { Exact = "/e" } }, new() { Uri = new() { Regex = "/r.*" } }, new() { Name = "no-uri" }],
            Rewrite = new HTTPRewrite { Uri = "/new" },
        })!;
        Assert.True(p.NeedsMatchIndex);
        Assert.Equal([4, RewritePolicy.WholePath, RewritePolicy.WholePath, 1], p.MatchedLengths);
        Assert.Equal("/new/x", p.RewritePath("/api/x", 0));
        Assert.Equal("/new", p.RewritePath("/e", 1));
        Assert.Equal("/new", p.RewritePath("/rabc", 2));
        Assert.Equal("/newa", p.RewritePath("/a", 3));
    }

    [Fact]
    public void Entries_that_replace_the_same_length_need_no_second_match()
    {
        var p = RewritePolicy.Compile(new HTTPRoute
        {
            Match = [new() { Uri = new() { Prefix = "/abc" } }, new() { Uri = new() { Prefix = "/xyz" } }],
            Rewrite = new HTTPRewrite { Uri = "/" },
        })!;
        Assert.False(p.NeedsMatchIndex);
        Assert.Equal("//d", p.RewritePath("/xyz/d", -1));
    }

    [Fact]
    public void Regex_rewrite_is_preferred_over_uri_and_replaces_every_match()
    {
        var p = RewritePolicy.Compile(new HTTPRoute
        {
            Rewrite = new HTTPRewrite { Uri = "/ignored", UriRegexRewrite = new RegexRewrite { Match = "/(\\w+)", Rewrite = "/_\\1" } },
        })!;
        Assert.Equal("/_a/_b", p.RewritePath("/a/b", -1));
        Assert.Null(p.PrefixRewrite);
    }

    [Fact]
    public void Host_rewrite_prefers_rewrite_authority_then_rule_headers_then_a_single_destination()
    {
        var setHost = new Switchyard.Model.Networking.Headers { Request = new HeaderOperations { Set = new Dictionary<string, string> { [":authority"] = "from-rule" } } };
        var destHost = new Switchyard.Model.Networking.Headers { Request = new HeaderOperations { Add = new Dictionary<string, string> { ["Host"] = "from-dest" } } };
        Assert.Equal("rw", HostRewrite.ForRoute(new HTTPRoute { Rewrite = new() { Authority = "rw" }, Headers = setHost, Route = [Dest(destHost)] }));
        Assert.Equal("from-rule", HostRewrite.ForRoute(new HTTPRoute { Headers = setHost, Route = [Dest(destHost)] }));
        Assert.Equal("from-dest", HostRewrite.ForRoute(new HTTPRoute { Route = [Dest(destHost)] }));
        Assert.Null(HostRewrite.ForRoute(new HTTPRoute { Route = [Dest(destHost), Dest()] }));
    }
}
