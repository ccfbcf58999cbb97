using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.Retries;

/// <summary>
/// A route's retry policy as Envoy receives it from Istio's <c>retry.ConvertPolicy</c>
/// (pilot/pkg/networking/core/route/retry/retry.go): the default policy when the rule has no
/// <c>retries</c>, none at all when <c>attempts</c> is 0, otherwise the default with the given
/// fields laid over it.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Envoy's default base backoff (<c>upstream.base_retry_backoff_ms</c>).</summary>
    public static readonly TimeSpan DefaultBaseInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Istio's <c>DefaultPolicy</c>: 2 retries on connect-failure, refused-stream,
    /// unavailable, cancelled and a 503, avoiding hosts already tried.</summary>
    public static readonly RetryPolicy Default = new()
    {
        NumRetries = 2,
        RetryOn = RetryOn.ConnectFailure | RetryOn.RefusedStream | RetryOn.Unavailable | RetryOn.Cancelled | RetryOn.RetriableStatusCodes,
        RetriableStatusCodes = [503],
    };

    /// <summary>Retries after the first attempt (Istio's <c>attempts</c> is Envoy's <c>num_retries</c>).</summary>
    public int NumRetries { get; init; }

    public RetryOn RetryOn { get; init; }

    public IReadOnlyList<int> RetriableStatusCodes { get; init; } = [];

    /// <summary>Each attempt's own timeout; null = only the route timeout bounds it.</summary>
    public TimeSpan? PerTryTimeout { get; init; }

    /// <summary>Envoy's previous_hosts predicate. Null = Istio's default: avoid hosts already
    /// tried, except under consistent hashing (<c>DefaultConsistentHashPolicy</c> keeps the
    /// request on its hashed host).</summary>
    public bool? RetryIgnorePreviousHosts { get; init; }

    /// <summary>Envoy's previous_priorities retry priority (retry into other locality priorities).</summary>
    public bool RetryRemoteLocalities { get; init; }

    /// <summary>Base of Envoy's fully jittered exponential backoff; the cap is 10 times this.</summary>
    public TimeSpan BaseInterval { get; init; } = DefaultBaseInterval;

    /// <summary>The compiled policy for a rule's <c>retries</c>; null when retries are disabled.</summary>
    public static RetryPolicy? From(HTTPRetry? retries)
    {
        if (retries is null) return Default;
        if (retries.Attempts is not > 0) return null; // attempts 0 (or omitted) disables retries
        var policy = Default with
        {
            NumRetries = retries.Attempts.Value,
            PerTryTimeout = Positive(retries.PerTryTimeout),
            RetryIgnorePreviousHosts = retries.RetryIgnorePreviousHosts,
            RetryRemoteLocalities = retries.RetryRemoteLocalities == true,
        };
        if (!string.IsNullOrEmpty(retries.RetryOn))
        {
            var (on, codes) = RetryOnParser.Parse(retries.RetryOn);
            policy = policy with { RetryOn = on, RetriableStatusCodes = codes };
        }
        if (Positive(retries.Backoff) is { } backoff) policy = policy with { BaseInterval = backoff };
        return policy;
    }

    private static TimeSpan? Positive(Model.Duration? d) => d is { Nanoseconds: > 0 } v ? v.ToTimeSpan() : null;
}
