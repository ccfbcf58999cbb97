using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class HeaderNamesTests
{
    [Theory]
    [InlineData("x-user")]
    [InlineData("X_Custom.Header~1")]
    [InlineData(":authority")]
    [InlineData(":path")]
    [InlineData("@request.auth.claims.sub")]
    [InlineData("@Request.Auth.Claims[groups][0]")]
    public void Header_match_name_accepts(string name) => Assert.Null(HeaderNames.CheckHeaderMatchName(name));

    [Fact]
    public void Header_match_name_rejects_empty() =>
        Assert.Equal("header name cannot be empty", HeaderNames.CheckHeaderMatchName(""));

    [Theory]
    [InlineData("x user")]
    [InlineData(":foo")]
    [InlineData("x:y")]
    [InlineData("@request.auth.claims")]
    [InlineData("@request.auth.claims.")]
    public void Header_match_name_rejects(string name) =>
        Assert.Equal($"header name {name} is not a valid header name", HeaderNames.CheckHeaderMatchName(name));

    [Fact]
    public void Token_is_rfc7230_tchars()
    {
        Assert.True(HeaderNames.IsToken("!#$%&'*+-.^_`|~09azAZ"));
        Assert.False(HeaderNames.IsToken("a(b)"));
        Assert.False(HeaderNames.IsToken(""));
    }
}

public class HeaderOperationsRulesTests
{
    [Theory]
    [InlineData("x-added")]
    [InlineData(":authority")]
    [InlineData("Host")]
    public void Request_set_or_add_accepts(string name) => Assert.Null(HeaderOperationsRules.CheckRequestHeaderSetOrAdd(name));

    [Fact]
    public void Request_set_or_add_rejects_pseudo_header() =>
        Assert.Equal("invalid header \":path\": header cannot have \":\" prefix", HeaderOperationsRules.CheckRequestHeaderSetOrAdd(":path"));

    [Fact]
    public void Request_remove_rejects_host() =>
        Assert.Equal("invalid header \"HOST\": cannot set Host header", HeaderOperationsRules.CheckRequestHeaderRemove("HOST"));

    [Fact]
    public void Response_edit_rejects_authority_and_accepts_plain_names()
    {
        Assert.Equal("invalid header \":authority\": header cannot have \":\" prefix", HeaderOperationsRules.CheckResponseHeader(":authority"));
        Assert.Null(HeaderOperationsRules.CheckResponseHeader("x-served-by"));
        Assert.Equal("header name cannot be empty", HeaderOperationsRules.CheckResponseHeader(""));
    }

    [Theory]
    [InlineData("plain\tvalue")]
    [InlineData("%HOSTNAME%")]
    [InlineData("100%%")]
    [InlineData("prefix %START_TIME(%s)% suffix")]
    [InlineData("%REQ([\"x-a\", \"x-b\"])%")]
    public void Header_value_accepts(string value) => Assert.Null(HeaderOperationsRules.CheckHeaderValue(value));

    [Fact]
    public void Header_value_rejects_control_chars() =>
        Assert.Equal("header value configuration a\nb is invalid", HeaderOperationsRules.CheckHeaderValue("a\nb"));

    [Fact]
    public void Header_value_rejects_trailing_percent() =>
        Assert.Equal("header value configuration: invalid header configuration. Un-escaped %",
            HeaderOperationsRules.CheckHeaderValue("%START_TIME%%"));

    [Fact]
    public void Header_value_rejects_unterminated_variable() =>
        Assert.Equal("header value configuration: invalid header configuration. Un-terminated variable expression 'abc%123'",
            HeaderOperationsRules.CheckHeaderValue("abc%123"));
}
