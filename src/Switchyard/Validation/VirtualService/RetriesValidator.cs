using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>retries</c>: attempts not negative, no policy beside <c>attempts: 0</c> (which disables
/// retries, and is what an omitted attempts means), valid durations and retryOn items. Istio's
/// validateHTTPRetry.
/// </summary>
internal static class RetriesValidator
{
    public static void Validate(HTTPRetry? retries, string path, ValidationContext ctx)
    {
        if (retries is null) return;
        var attempts = retries.Attempts ?? 0;
        if (attempts < 0)
            ctx.Error(path + ".attempts", "attempts cannot be negative", "use 0 to disable retries");
        if (attempts == 0 && (retries.PerTryTimeout is not null || !string.IsNullOrEmpty(retries.RetryOn)
                || retries.RetryRemoteLocalities is not null))
            ctx.Error(retries.Attempts is null ? path : path + ".attempts",
                "http retry policy configured when attempts are set to 0 (disabled)",
                "set attempts to the number of retries (an omitted attempts means 0)");
        if (retries.PerTryTimeout is { } perTry) ctx.ErrorIf(path + ".perTryTimeout", Durations.CheckDuration(perTry));
        if (!string.IsNullOrEmpty(retries.RetryOn))
            foreach (var message in RetryOnPolicies.CheckRetryOn(retries.RetryOn))
                ctx.Error(path + ".retryOn", message,
                    "a comma-separated list, without spaces, of Envoy retry policies or HTTP status codes");
        if (retries.Backoff is { } backoff) ctx.ErrorIf(path + ".backoff", Durations.CheckDuration(backoff));
    }
}
