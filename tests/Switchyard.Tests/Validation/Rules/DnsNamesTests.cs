using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class DnsNamesTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("V1")] // Istio's label pattern accepts upper case
    [InlineData("a-b-c")]
    public void Dns1123_label_accepts(string label) => Assert.Null(DnsNames.CheckDns1123Label(label));

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a.b")]
    [InlineData("a_b")]
    public void Dns1123_label_rejects(string label) => Assert.NotNull(DnsNames.CheckDns1123Label(label));

    [Fact]
    public void Dns1123_label_rejects_64_chars() => Assert.NotNull(DnsNames.CheckDns1123Label(new string('a', 64)));

    [Fact]
    public void Subset_name_messages_match_istio()
    {
        Assert.Equal("subset name cannot be empty", DnsNames.CheckSubsetName(""));
        Assert.Equal("subset name is invalid: v_1", DnsNames.CheckSubsetName("v_1"));
        Assert.Null(DnsNames.CheckSubsetName("v1"));
    }

    [Theory]
    [InlineData("reviews")]
    [InlineData("reviews.default.svc.cluster.local")]
    [InlineData("*")]
    [InlineData("*.example.com")]
    [InlineData("*foo.example.com")]
    [InlineData("*-foo.example.com")]
    [InlineData("istio.io.")]
    [InlineData("123")] // a single label skips the numeric-TLD test, as in Istio
    [InlineData("a.99999999999999999999")] // too large for Go's Atoi, so not "all-numeric"
    public void Wildcard_domain_accepts(string host) => Assert.Null(DnsNames.CheckWildcardDomain(host));

    [Fact]
    public void Wildcard_domain_rejects_empty() =>
        Assert.Equal("empty domain name not allowed", DnsNames.CheckWildcardDomain(""));

    [Fact]
    public void Wildcard_domain_rejects_longer_than_255()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com";
        Assert.Equal($"domain name \"{host}\" too long (max 255)", DnsNames.CheckWildcardDomain(host));
    }

    [Fact]
    public void Wildcard_domain_rejects_label_longer_than_63()
    {
        var label = new string('a', 64);
        Assert.Equal($"domain name \"{label}.com\" invalid (label \"{label}\" invalid)", DnsNames.CheckWildcardDomain(label + ".com"));
    }

    [Fact]
    public void Wildcard_domain_rejects_wildcard_in_a_later_label() =>
        Assert.Equal("domain name \"*.com\" invalid (label \"*\" invalid)", DnsNames.CheckWildcardDomain("foo.*.com"));

    [Fact]
    public void Wildcard_domain_rejects_numeric_tld_naming_only_the_remainder() =>
        Assert.Equal("domain name \"1.2\" invalid (top level domain \"2\" cannot be all-numeric)",
            DnsNames.CheckWildcardDomain("*.1.2"));

    [Fact]
    public void Wildcard_domain_counts_signed_tld_as_numeric() => Assert.NotNull(DnsNames.CheckWildcardDomain("a.-1"));

    [Theory]
    [InlineData("-foo.com")]
    [InlineData("foo-.com")]
    [InlineData("**.com")]
    [InlineData("foo..com")]
    public void Wildcard_domain_rejects(string host) => Assert.NotNull(DnsNames.CheckWildcardDomain(host));

    [Fact]
    public void Fqdn_accepts_plain_names() => Assert.Null(DnsNames.CheckFqdn("api.example.com"));

    [Fact]
    public void Fqdn_rejects_wildcard() =>
        Assert.Equal("domain name \"*.example.com\" invalid (label \"*\" invalid)", DnsNames.CheckFqdn("*.example.com"));

    [Fact]
    public void Fqdn_rejects_numeric_tld() => Assert.NotNull(DnsNames.CheckFqdn("10.0.0.1"));

    [Fact]
    public void Is_wildcard_looks_at_first_char()
    {
        Assert.True(DnsNames.IsWildcard("*.foo.com"));
        Assert.False(DnsNames.IsWildcard("foo.com"));
        Assert.False(DnsNames.IsWildcard(""));
    }
}
