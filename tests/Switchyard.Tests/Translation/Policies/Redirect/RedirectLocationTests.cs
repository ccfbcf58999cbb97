using Switchyard.Translation.Policies.Redirect;
using static Switchyard.Tests.Translation.Policies.PolicyFixture;

namespace Switchyard.Tests.Translation.Policies.Redirect;

/// <summary>Envoy's Http::Utility::newUri, case by case.</summary>
public class RedirectLocationTests
{
    private static RedirectPolicy Policy(string redirect) => Rule($"redirect: {redirect}").Redirect!;

    private static string Location(string redirect, string host = "reviews", string path = "/a/b?x=1", string scheme = "http", string? proto = null, int port = 80) =>
        RedirectLocation.Build(Policy(redirect), scheme, proto ?? scheme, host, path, port);

    [Fact]
    public void Redirect_code_defaults_to_301_and_keeps_302_303_307_308()
    {
        Assert.Equal(301, Policy("{uri: /x}").Status);
        foreach (var code in new[] { 302, 303, 307, 308 }) Assert.Equal(code, Policy($"{{uri: /x, redirectCode: {code}}}").Status);
    }

    [Fact]
    public void Uri_replaces_the_path_and_keeps_the_request_query() => Assert.Equal("http://reviews/new?x=1", Location("{uri: /new}"));

    [Fact]
    public void Uri_with_its_own_query_replaces_the_request_query() => Assert.Equal("http://reviews/new?y=2", Location("{uri: /new?y=2}"));

    [Fact]
    public void Authority_replaces_the_host_and_keeps_the_path() => Assert.Equal("http://ratings.example/a/b?x=1", Location("{authority: ratings.example}"));

    [Fact]
    public void Scheme_change_drops_the_old_default_port() =>
        Assert.Equal("https://reviews/a/b?x=1", Location("{scheme: https}", host: "reviews:80"));

    [Fact]
    public void Scheme_change_keeps_a_non_default_port() =>
        Assert.Equal("https://reviews:8080/a/b?x=1", Location("{scheme: https}", host: "reviews:8080"));

    [Fact]
    public void Explicit_port_replaces_the_request_port() =>
        Assert.Equal("http://reviews:9090/a/b?x=1", Location("{port: 9090}", host: "reviews:80"));

    [Fact]
    public void Explicit_port_goes_after_a_redirect_authority() =>
        Assert.Equal("https://ratings:8443/a/b?x=1", Location("{authority: ratings, port: 8443, scheme: https}"));

    [Fact]
    public void Derive_port_from_request_uses_the_port_the_request_came_in_on() =>
        Assert.Equal("https://reviews:8000/a/b?x=1", Location("{scheme: https, derivePort: FROM_REQUEST_PORT}", host: "reviews:8000", port: 8000));

    [Fact]
    public void Derive_port_from_protocol_default_sets_no_port_so_envoy_keeps_the_host_as_sent()
    {
        Assert.Equal("http://reviews:8000/new?x=1", Location("{uri: /new, derivePort: FROM_PROTOCOL_DEFAULT}", host: "reviews:8000"));
        Assert.Equal("https://reviews/new?x=1", Location("{uri: /new, scheme: https, derivePort: FROM_PROTOCOL_DEFAULT}", host: "reviews:80"));
    }

    [Fact]
    public void Port_stripping_compares_x_forwarded_proto_not_the_new_scheme() =>
        Assert.Equal("http://reviews/a/b?x=1", Location("{scheme: http}", host: "reviews:443", scheme: "http", proto: "https"));

    [Fact]
    public void Ipv6_host_keeps_its_brackets_when_its_port_is_dropped() =>
        Assert.Equal("http://[::1]:9090/a/b?x=1", Location("{port: 9090}", host: "[::1]:80"));

    [Fact]
    public void Same_url_policy_gives_the_request_url_back() =>
        Assert.Equal("http://reviews:8000/a/b?x=1", RedirectLocation.Build(RedirectPolicy.SameUrl, "http", "http", "reviews:8000", "/a/b?x=1", 8000));
}
