using System.Globalization;
using Switchyard.Validation.Rules;

namespace Switchyard.Translation.Policies.Retries;

/// <summary>
/// Istio's <c>parseRetryOn</c> (pilot/pkg/networking/core/route/retry/retry.go): split on commas,
/// trim, skip empties; an item Go's <c>strconv.Atoi</c> reads and <c>http.StatusText</c> names is a
/// retriable status code, anything else a policy name for Envoy. Envoy ignores names it does not know.
/// </summary>
public static class RetryOnParser
{
    public static (RetryOn RetryOn, int[] StatusCodes) Parse(string retryOn)
    {
        var flags = RetryOn.None;
        var codes = new List<int>();
        foreach (var raw in retryOn.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) continue;
            if (int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) && HttpStatus.IsGoKnownStatusCode(code))
            {
                codes.Add(code);
                continue;
            }
            flags |= Named(item);
        }
        // Istio adds retriable-status-codes itself when the user listed codes without it.
        if (codes.Count > 0) flags |= RetryOn.RetriableStatusCodes;
        return (flags, [.. codes]);
    }

    // Envoy's retry_on names, in the order Format writes them.
    private static readonly (string Name, RetryOn Flag)[] Names =
    [
        ("5xx", RetryOn.FiveXx), ("gateway-error", RetryOn.GatewayError), ("reset", RetryOn.Reset),
        ("reset-before-request", RetryOn.ResetBeforeRequest), ("connect-failure", RetryOn.ConnectFailure),
        ("retriable-4xx", RetryOn.Retriable4xx), ("refused-stream", RetryOn.RefusedStream),
        ("retriable-status-codes", RetryOn.RetriableStatusCodes), ("retriable-headers", RetryOn.RetriableHeaders),
        ("envoy-ratelimited", RetryOn.EnvoyRateLimited), ("http3-post-connect-failure", RetryOn.Http3PostConnectFailure),
        ("cancelled", RetryOn.Cancelled), ("deadline-exceeded", RetryOn.DeadlineExceeded),
        ("resource-exhausted", RetryOn.ResourceExhausted), ("internal", RetryOn.Internal), ("unavailable", RetryOn.Unavailable),
    ];

    private static RetryOn Named(string item)
    {
        foreach (var (name, flag) in Names)
            if (name == item) return flag;
        return RetryOn.None;
    }

    /// <summary>The flags as Envoy's comma-separated retry_on string (for the config dump).</summary>
    public static string Format(RetryOn retryOn) =>
        string.Join(',', Names.Where(n => (retryOn & n.Flag) != 0).Select(n => n.Name));
}
