using System.Net;
using Switchyard.Proxy.Retries;
using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>Envoy's wouldRetryFromHeaders / wouldRetryFromReset, condition by condition.</summary>
public sealed class RetryDecisionTests
{
    private static RetryPolicy On(RetryOn on, params int[] codes) => RetryPolicy.Default with { RetryOn = on, RetriableStatusCodes = codes };

    private static bool Response(RetryPolicy p, int status, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (n, v) in headers) response.Headers.TryAddWithoutValidation(n, v);
        using var request = new HttpRequestMessage();
        return RetryDecision.ForResponse(p, response, request);
    }

    [Fact]
    public void A_circuit_breaker_503_is_never_retried() =>
        Assert.False(Response(On(RetryOn.FiveXx | RetryOn.RetriableStatusCodes, 503), 503, ("x-envoy-overloaded", "true")));

    [Theory]
    [InlineData(UpstreamFailureKind.ConnectFailure, RetryOn.ConnectFailure, true)]
    [InlineData(UpstreamFailureKind.ConnectFailure, RetryOn.ResetBeforeRequest, true)]
    [InlineData(UpstreamFailureKind.ConnectFailure, RetryOn.FiveXx, true)]
    [InlineData(UpstreamFailureKind.ConnectFailure, RetryOn.RefusedStream, false)]
    [InlineData(UpstreamFailureKind.Reset, RetryOn.ConnectFailure, false)]
    [InlineData(UpstreamFailureKind.Reset, RetryOn.Reset, true)]
    [InlineData(UpstreamFailureKind.Reset, RetryOn.GatewayError, true)]
    [InlineData(UpstreamFailureKind.Reset, RetryOn.ResetBeforeRequest, false)]
    [InlineData(UpstreamFailureKind.RefusedStream, RetryOn.RefusedStream, true)]
    [InlineData(UpstreamFailureKind.RefusedStream, RetryOn.Unavailable, false)]
    public void Failures_without_a_response(UpstreamFailureKind failure, RetryOn on, bool retried) =>
        Assert.Equal(retried, RetryDecision.ForFailure(On(on), failure));

    [Theory]
    [InlineData(RetryOn.FiveXx, true)]
    [InlineData(RetryOn.GatewayError, true)]
    [InlineData(RetryOn.Reset, true)]
    [InlineData(RetryOn.ConnectFailure, false)]
    [InlineData(RetryOn.RetriableStatusCodes, false)]
    public void A_per_try_timeout_counts_as_a_reset(RetryOn on, bool retried) =>
        Assert.Equal(retried, RetryDecision.ForPerTryTimeout(On(on, 504)));

    [Theory]
    [InlineData("4", RetryOn.DeadlineExceeded, true)]
    [InlineData("8", RetryOn.ResourceExhausted, true)]
    [InlineData("13", RetryOn.Internal, true)]
    [InlineData("14", RetryOn.Cancelled, false)]
    [InlineData("0", RetryOn.AnyGrpc, false)]
    public void Grpc_status_conditions(string grpcStatus, RetryOn on, bool retried) =>
        Assert.Equal(retried, Response(On(on), 200, ("grpc-status", grpcStatus)));
}
