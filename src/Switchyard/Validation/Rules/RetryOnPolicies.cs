using Switchyard.Text;

namespace Switchyard.Validation.Rules;

/// <summary>
/// <c>retries.retryOn</c> as Istio's <c>validateHTTPRetry</c> checks it: split on <c>,</c> with no trimming
/// (so <c>"5xx, reset"</c> fails on <c>" reset"</c>), each item an Envoy retry policy or a number Go's
/// <c>strconv.Atoi</c> reads and <c>http.StatusText</c> names (<c>503</c>, also <c>+503</c>; not <c>599</c>).
/// </summary>
public static class RetryOnPolicies
{
    /// <summary>Envoy's x-envoy-retry-on and x-envoy-retry-grpc-on policies that Istio accepts.</summary>
    public static IReadOnlyList<string> KnownPolicies { get; } =
    [
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx",
        "refused-stream", "retriable-status-codes", "retriable-headers", "envoy-ratelimited",
        "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    ];

    /// <summary>One message per bad item, in order; empty when valid (and for an empty string, as Istio skips it).</summary>
    public static IReadOnlyList<string> CheckRetryOn(string retryOn)
    {
        if (retryOn.Length == 0) return [];
        List<string>? errors = null;
        foreach (var item in retryOn.Split(','))
        {
            if (IsValidItem(item)) continue;
            var message = $"{GoText.Quote(item)} is not a valid retryOn policy";
            var hint = Suggest(item);
            (errors ??= []).Add(hint is null ? message : $"{message}; did you mean {GoText.Quote(hint)}?");
        }
        return errors ?? (IReadOnlyList<string>)[];
    }

    public static bool IsKnownPolicy(string item)
    {
        foreach (var p in KnownPolicies)
            if (string.Equals(p, item, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsValidItem(string item) =>
        (GoText.TryAtoi(item, out var code) && code is > 0 and <= int.MaxValue && HttpStatus.IsGoKnownStatusCode((int)code))
        || IsKnownPolicy(item);

    private static string? Suggest(string item)
    {
        var trimmed = item.Trim();
        if (trimmed.Length != item.Length && trimmed.Length > 0 && IsValidItem(trimmed)) return trimmed;
        // A number Go does not name (599) is not a misspelt policy.
        if (trimmed.Length == 0 || GoText.TryAtoi(trimmed, out _)) return null;
        return DidYouMean.Suggest(trimmed, KnownPolicies);
    }
}
