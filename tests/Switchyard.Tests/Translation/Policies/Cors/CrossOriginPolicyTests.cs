using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Cors;

namespace Switchyard.Tests.Translation.Policies.Cors;

public class CrossOriginPolicyTests
{
    private static CrossOriginPolicy Compile(CorsPolicy cors) => CrossOriginPolicy.Compile(new HTTPRoute { CorsPolicy = cors })!;

    [Fact]
    public void No_policy_or_a_redirect_rule_compiles_to_null()
    {
        Assert.Null(CrossOriginPolicy.Compile(new HTTPRoute()));
        Assert.Null(CrossOriginPolicy.Compile(new HTTPRoute { CorsPolicy = new CorsPolicy(), Redirect = new HTTPRedirect { Uri = "/" } }));
    }

    [Fact]
    public void Origins_match_exact_prefix_and_full_regex_case_sensitively()
    {
        var p = Compile(new CorsPolicy { AllowOrigins = [new() { Exact = "https://a.com" }, new() { Prefix = "https://dev." }, new() { Regex = "https://.*\\.corp" }] });
        Assert.True(p.Allows("https://a.com"));
        Assert.False(p.Allows("https://A.com"));
        Assert.True(p.Allows("https://dev.anything"));
        Assert.True(p.Allows("https://x.corp"));
        Assert.False(p.Allows("https://x.corp.evil"));
    }

    [Fact]
    public void AllowOrigins_wins_over_the_deprecated_list_even_when_empty()
    {
        Assert.False(Compile(new CorsPolicy { AllowOrigins = [], AllowOrigin = ["https://a.com"] }).Allows("https://a.com"));
        Assert.True(Compile(new CorsPolicy { AllowOrigin = ["https://a.com"] }).Allows("https://a.com"));
    }

    [Fact]
    public void A_matcher_that_accepts_star_allows_every_origin()
    {
        Assert.True(Compile(new CorsPolicy { AllowOrigins = [new() { Regex = ".*" }] }).Allows("https://x"));
        Assert.True(Compile(new CorsPolicy { AllowOrigins = [new() { Exact = "*" }] }).Allows("https://x"));
    }

    [Fact]
    public void Defaults_forward_unmatched_preflights_without_credentials_or_max_age()
    {
        var p = Compile(new CorsPolicy());
        Assert.True(p.ForwardUnmatchedPreflights);
        Assert.False(p.AllowCredentials);
        Assert.Null(p.MaxAge);
        Assert.Equal("", p.AllowMethods);
        Assert.False(p.Allows("https://x"));
        Assert.False(Compile(new CorsPolicy { UnmatchedPreflights = UnmatchedPreflights.IGNORE }).ForwardUnmatchedPreflights);
    }

    [Fact]
    public void Lists_are_joined_with_commas_and_max_age_is_whole_seconds()
    {
        var p = Compile(new CorsPolicy { AllowMethods = ["GET", "POST"], ExposeHeaders = ["a", "b"], MaxAge = new Duration(1_500_000_000) });
        Assert.Equal("GET,POST", p.AllowMethods);
        Assert.Equal("a,b", p.ExposeHeaders);
        Assert.Equal("1", p.MaxAge);
    }
}
