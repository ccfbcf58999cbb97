using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class RetryOnPoliciesTests
{
    [Theory]
    [InlineData("5xx,reset,connect-failure")]
    [InlineData("503")]
    [InlineData("+503")] // Go's Atoi reads the sign
    [InlineData("cancelled,unavailable,retriable-status-codes")]
    [InlineData("")]
    public void Retry_on_accepts(string retryOn) => Assert.Empty(RetryOnPolicies.CheckRetryOn(retryOn));

    [Fact]
    public void Retry_on_rejects_status_go_does_not_name() =>
        Assert.Equal(["\"599\" is not a valid retryOn policy"], RetryOnPolicies.CheckRetryOn("599"));

    [Fact]
    public void Retry_on_does_not_trim_spaces() =>
        Assert.Equal(["\" reset\" is not a valid retryOn policy; did you mean \"reset\"?"], RetryOnPolicies.CheckRetryOn("5xx, reset"));

    [Fact]
    public void Retry_on_suggests_close_policy() =>
        Assert.Equal(["\"gateway-eror\" is not a valid retryOn policy; did you mean \"gateway-error\"?"],
            RetryOnPolicies.CheckRetryOn("gateway-eror"));

    [Fact]
    public void Retry_on_rejects_empty_item() =>
        Assert.Equal(["\"\" is not a valid retryOn policy"], RetryOnPolicies.CheckRetryOn("5xx,"));
}

public class CorsRulesTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("*")]
    public void Cors_method_accepts(string method) => Assert.True(CorsRules.IsAllowedMethod(method));

    [Fact]
    public void Cors_method_rejects_lower_case() =>
        Assert.Equal("\"get\" is not a supported HTTP method", CorsRules.CheckAllowMethod("get"));

    [Theory]
    [InlineData("*")]
    [InlineData("x-custom")]
    public void Cors_header_accepts(string name) => Assert.Null(CorsRules.CheckCorsHeaderName(name));

    [Fact]
    public void Cors_header_rejects_non_token() =>
        Assert.Equal("header name x custom is not a valid header name", CorsRules.CheckCorsHeaderName("x custom"));
}

public class LocalityRulesTests
{
    [Theory]
    [InlineData("us-east")]
    [InlineData("us-east/zone1/sub")]
    [InlineData("us-east/*")]
    [InlineData("*")]
    public void Locality_accepts(string locality) => Assert.Null(LocalityRules.CheckLocality(locality));

    [Fact]
    public void Locality_rejects_wildcard_not_at_end() =>
        Assert.Equal("locality */zone wildcard '*' number can not exceed 1 and must be in the end", LocalityRules.CheckLocality("*/zone"));

    [Fact]
    public void Locality_rejects_empty_segment() =>
        Assert.Equal("locality us-east//sub must not contain empty region/zone/subzone info", LocalityRules.CheckLocality("us-east//sub"));

    [Fact]
    public void Localities_accept_disjoint() => Assert.Null(LocalityRules.CheckLocalities(["us/east/a", "us/east/b", "eu/*"]));

    [Fact]
    public void Localities_reject_overlap() =>
        Assert.Equal("locality us/east overlap with previous specified ones", LocalityRules.CheckLocalities(["us/*", "us/east"]));

    [Fact]
    public void Localities_reject_anything_after_star() =>
        Assert.Equal("locality eu overlap with previous specified ones", LocalityRules.CheckLocalities(["*", "eu"]));
}
