using System.Net.Http.Headers;
using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// Whether one attempt's outcome is retriable under a route's policy: Envoy's
/// <c>RetryStateImpl::wouldRetryFromHeaders</c> and <c>wouldRetryFromReset</c>
/// (source/common/router/retry_state_impl.cc). Whether a retry is left is the caller's business.
/// </summary>
public static class RetryDecision
{
    /// <summary>The request header naming response headers that make an attempt retriable
    /// (with retryOn retriable-headers); Istio has no field for them, so only this header can.</summary>
    public const string RetriableHeaderNames = "x-envoy-retriable-header-names";

    private const string Overloaded = "x-envoy-overloaded";
    private const string GrpcStatus = "grpc-status";

    /// <summary>For a response that arrived (headers in hand).</summary>
    public static bool ForResponse(RetryPolicy policy, HttpResponseMessage response, HttpRequestMessage request)
    {
        var on = policy.RetryOn;
        var status = (int)response.StatusCode;
        // Envoy never retries what a circuit breaker refused (its own local reply, x-envoy-overloaded).
        if (status == 503 && response.Headers.NonValidated.Contains(Overloaded)) return false;
        if ((on & RetryOn.FiveXx) != 0 && status is >= 500 and <= 599) return true;
        if ((on & RetryOn.GatewayError) != 0 && status is 502 or 503 or 504) return true;
        if ((on & RetryOn.Retriable4xx) != 0 && status == 409) return true;
        if ((on & RetryOn.RetriableStatusCodes) != 0)
        {
            var codes = policy.RetriableStatusCodes;
            for (var i = 0; i < codes.Count; i++)
                if (codes[i] == status) return true;
        }
        if ((on & RetryOn.RetriableHeaders) != 0 && HasRetriableHeader(response, request)) return true;
        if ((on & RetryOn.AnyGrpc) != 0 && GrpcCondition(response.Headers) is var grpc && grpc != RetryOn.None) return (on & grpc) != 0;
        return false;
    }

    /// <summary>For an attempt that ended without response headers.</summary>
    public static bool ForFailure(RetryPolicy policy, UpstreamFailureKind failure)
    {
        var on = policy.RetryOn;
        // A connect failure is retried under connect-failure and reset-before-request (nothing
        // was sent), and, as every reset, under 5xx, gateway-error and reset.
        if (failure == UpstreamFailureKind.ConnectFailure && (on & (RetryOn.ConnectFailure | RetryOn.ResetBeforeRequest)) != 0) return true;
        if ((on & RetryOn.AnyReset) != 0) return true;
        return failure == UpstreamFailureKind.RefusedStream && (on & RetryOn.RefusedStream) != 0;
    }

    /// <summary>For an attempt its per-try timeout ended: Envoy resets the upstream stream and
    /// treats it as a reset, retried under 5xx, gateway-error and reset only.</summary>
    public static bool ForPerTryTimeout(RetryPolicy policy) => (policy.RetryOn & RetryOn.AnyReset) != 0;

    /// <summary>The retry condition a trailers-only gRPC answer's grpc-status names, or None.</summary>
    private static RetryOn GrpcCondition(HttpResponseHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(GrpcStatus, out var values)) return RetryOn.None;
        foreach (var value in values)
            return value switch
            {
                "1" => RetryOn.Cancelled,
                "4" => RetryOn.DeadlineExceeded,
                "8" => RetryOn.ResourceExhausted,
                "13" => RetryOn.Internal,
                "14" => RetryOn.Unavailable,
                _ => RetryOn.None,
            };
        return RetryOn.None;
    }

    private static bool HasRetriableHeader(HttpResponseMessage response, HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(RetriableHeaderNamesKey, out var names)) return false;
        foreach (var name in names)
            if (response.Headers.NonValidated.Contains(name)) return true;
        return false;
    }

    /// <summary>Where the attempt loop keeps the header names an internal client asked for.</summary>
    internal static readonly HttpRequestOptionsKey<string[]> RetriableHeaderNamesKey = new("switchyard.retriable-header-names");
}
