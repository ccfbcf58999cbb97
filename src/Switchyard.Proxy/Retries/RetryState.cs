using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Upstream;
using Switchyard.Randomness;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// One request's retries, as Envoy's RetryStateImpl (source/common/router/retry_state_impl.cc):
/// the retries left, the jittered backoff, the retry circuit breaker's place, the endpoints tried,
/// and the decision for each attempt's outcome (<see cref="ShouldRetry"/>: would the policy's
/// retryOn retry it, is a retry left, does the breaker admit it). A struct kept in the attempt
/// loop's frame: a request whose route does not retry pays nothing.
/// </summary>
public struct RetryState
{
    private readonly RetryPolicy? _policy;
    private int _retriesLeft;
    private RetryBackoff _backoff;
    private EndpointState[]? _tried;
    private bool _holdsRetrySlot;

    private RetryState(RetryPolicy? policy, int retries)
    {
        // No retry at the start (none configured, or a body declared larger than the retry
        // buffer): no retry state at all, as Envoy resets it, so no URX either.
        _policy = retries > 0 ? policy : null;
        _retriesLeft = retries;
        _backoff = new RetryBackoff(policy?.BaseInterval ?? default);
    }

    /// <summary>Prepares the request for retries when its route may retry (<see cref="RetryStart"/>).</summary>
    public static RetryState Start(ProxyContext ctx, HttpRequestMessage request)
    {
        var policy = ctx.Route!.Retries;
        return new RetryState(policy, RetryStart.Prepare(policy, ctx, request));
    }

    /// <summary>Envoy's shouldRetryHeaders / shouldRetryReset, then shouldRetry: on <see cref="RetryStatus.Yes"/> a
    /// retry is used and, with a breaker, its place held until <see cref="EndBackoff"/>.</summary>
    public RetryStatus ShouldRetry(in AttemptOutcome outcome, ProxyContext ctx, HttpRequestMessage request)
    {
        if (_policy is null || !WouldRetry(_policy, outcome, request)) return RetryStatus.No;
        // Envoy's router turns retries off once the retry buffer overflowed: the body cannot be sent again.
        if (request.Content is ReplayableContent { CanReplay: false }) return _retriesLeft == 0 ? RetryStatus.NoRetryLimitExceeded : RetryStatus.No;
        if (_retriesLeft == 0) return RetryStatus.NoRetryLimitExceeded;
        // connectionPool.http.maxRetries: Envoy's retry circuit breaker holds a place from
        // scheduling a retry until its backoff ends; without one the retry is not made (UO).
        if (ctx.Cluster!.Pool is { } pool && !pool.TryStartRetry()) return RetryStatus.NoOverflow;
        _holdsRetrySlot = ctx.Cluster.Pool is not null;
        _retriesLeft--;
        return RetryStatus.Yes;
    }

    /// <summary>The wait before the retry just granted.</summary>
    public TimeSpan NextBackoff(IRandomSource random) => _backoff.Next(random);

    /// <summary>The backoff is over (or was cut short): the retry breaker's place is given back.</summary>
    public void EndBackoff(ProxyContext ctx)
    {
        if (!_holdsRetrySlot) return;
        _holdsRetrySlot = false;
        ctx.Cluster!.Pool!.EndRetry();
    }

    /// <summary>Points the request at the retry's endpoint (<see cref="RetryTarget"/>).</summary>
    public void MoveToNext(ProxyContext ctx, HttpRequestMessage request) => RetryTarget.MoveToNext(ctx, _policy!, request, ref _tried);

    private static bool WouldRetry(RetryPolicy policy, in AttemptOutcome outcome, HttpRequestMessage request) => outcome.Kind switch
    {
        AttemptOutcomeKind.Response => RetryDecision.ForResponse(policy, outcome.Response!, request),
        AttemptOutcomeKind.ConnectFailure => RetryDecision.ForFailure(policy, UpstreamFailureKind.ConnectFailure),
        AttemptOutcomeKind.Reset => RetryDecision.ForFailure(policy, UpstreamFailureKind.Reset),
        AttemptOutcomeKind.RefusedStream => RetryDecision.ForFailure(policy, UpstreamFailureKind.RefusedStream),
        AttemptOutcomeKind.PerTryTimeout => RetryDecision.ForPerTryTimeout(policy),
        // A route timeout ends the request; an overflow is never retried (Envoy's retry state
        // refuses an overflow reset); a downstream failure has nobody left to answer.
        _ => false,
    };
}
