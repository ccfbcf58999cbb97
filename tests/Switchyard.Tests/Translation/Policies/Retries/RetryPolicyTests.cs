using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Tests.Translation.Policies.Retries;

/// <summary>Istio's retry.ConvertPolicy: default, disabled, and the default overlaid by the rule.</summary>
public sealed class RetryPolicyTests
{
    [Fact]
    public void No_retries_field_gets_Istios_default_policy()
    {
        var p = RetryPolicy.From(null)!;
        Assert.Same(RetryPolicy.Default, p);
        Assert.Equal(2, p.NumRetries);
        Assert.Equal(RetryOn.ConnectFailure | RetryOn.RefusedStream | RetryOn.Unavailable | RetryOn.Cancelled | RetryOn.RetriableStatusCodes, p.RetryOn);
        Assert.Equal([503], p.RetriableStatusCodes);
        Assert.Null(p.RetryIgnorePreviousHosts);
        Assert.Equal(TimeSpan.FromMilliseconds(25), p.BaseInterval);
        Assert.Null(p.PerTryTimeout);
    }

    [Fact]
    public void Attempts_zero_or_omitted_disables_retries()
    {
        Assert.Null(RetryPolicy.From(new HTTPRetry { Attempts = 0 }));
        Assert.Null(RetryPolicy.From(new HTTPRetry()));
    }

    [Fact]
    public void Attempts_alone_keeps_the_default_conditions()
    {
        var p = RetryPolicy.From(new HTTPRetry { Attempts = 5 })!;
        Assert.Equal(5, p.NumRetries);
        Assert.Equal(RetryPolicy.Default.RetryOn, p.RetryOn);
        Assert.Equal([503], p.RetriableStatusCodes);
    }

    [Fact]
    public void RetryOn_replaces_the_default_conditions_and_codes()
    {
        var p = RetryPolicy.From(new HTTPRetry { Attempts = 1, RetryOn = "gateway-error,connect-failure" })!;
        Assert.Equal(RetryOn.GatewayError | RetryOn.ConnectFailure, p.RetryOn);
        Assert.Empty(p.RetriableStatusCodes);
    }

    [Fact]
    public void Numbers_in_retryOn_are_status_codes_and_imply_retriable_status_codes()
    {
        var p = RetryPolicy.From(new HTTPRetry { Attempts = 1, RetryOn = "5xx, 418 ,+409,599,unknown-policy" })!;
        Assert.Equal(RetryOn.FiveXx | RetryOn.RetriableStatusCodes, p.RetryOn);
        // 599 has no Go StatusText, so it is a (meaningless) policy name, not a code.
        Assert.Equal([418, 409], p.RetriableStatusCodes);
    }

    [Fact]
    public void Grpc_and_header_conditions_parse()
    {
        var p = RetryPolicy.From(new HTTPRetry { Attempts = 1, RetryOn = "cancelled,deadline-exceeded,internal,resource-exhausted,unavailable,retriable-headers,retriable-4xx,reset,refused-stream" })!;
        Assert.Equal(RetryOn.AnyGrpc | RetryOn.RetriableHeaders | RetryOn.Retriable4xx | RetryOn.Reset | RetryOn.RefusedStream, p.RetryOn);
    }

    [Fact]
    public void PerTryTimeout_backoff_and_host_fields_are_carried()
    {
        var p = RetryPolicy.From(new HTTPRetry
        {
            Attempts = 2,
            PerTryTimeout = Duration.FromMilliseconds(300),
            Backoff = Duration.FromMilliseconds(100),
            RetryIgnorePreviousHosts = false,
            RetryRemoteLocalities = true,
        })!;
        Assert.Equal(TimeSpan.FromMilliseconds(300), p.PerTryTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), p.BaseInterval);
        Assert.False(p.RetryIgnorePreviousHosts);
        Assert.True(p.RetryRemoteLocalities);
    }
}
