using Switchyard.Translation;
using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation;

/// <summary>Wildcard VirtualService hosts match requests as Envoy's virtual host domains do.</summary>
public class WildcardHostTests
{
    private static readonly string Reviews = Service("reviews") + Pod("reviews", "10.0.0.1", "v1");

    private static string Vs(string name, string host) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: {{name}}, namespace: default }
        spec:
          hosts: ["{{host}}"]
          http:
          - route:
            - destination: { host: reviews }
        ---

        """;

    private static MeshSnapshot Snapshot() =>
        Translate(Reviews + Vs("wide", "*.example.com") + Vs("narrow", "*.api.example.com") + Vs("exact", "www.example.com"));

    private static string? Owner(MeshSnapshot s, string authority) => s.FindVirtualHost(authority)?.Name;

    [Fact]
    public void Exact_host_beats_a_wildcard_that_also_matches()
    {
        Assert.Equal("www.example.com", Owner(Snapshot(), "www.example.com"));
    }

    [Fact]
    public void Longest_wildcard_suffix_wins_with_or_without_port_and_in_any_case()
    {
        var s = Snapshot();
        Assert.Equal("*.api.example.com", Owner(s, "v1.api.example.com"));
        Assert.Equal("*.api.example.com", Owner(s, "V1.API.Example.com:8080"));
        Assert.Equal("*.example.com", Owner(s, "shop.example.com"));
        Assert.Equal("*.example.com", Owner(s, "a.b.example.com:443"));
    }

    [Fact]
    public void Wildcard_needs_at_least_one_character_before_its_suffix()
    {
        var s = Snapshot();
        Assert.Null(Owner(s, ".example.com"));
        Assert.Null(Owner(s, "example.com"));
        Assert.Null(Owner(s, "example.org"));
    }

    [Fact]
    public void Star_alone_catches_what_nothing_else_matches()
    {
        var s = Translate(Reviews + Vs("all", "*") + Vs("wide", "*.example.com"));
        Assert.Equal("*.example.com", Owner(s, "x.example.com"));
        Assert.Equal("*", Owner(s, "anything.else:81"));
    }
}
