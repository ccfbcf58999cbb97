namespace Switchyard.Proxy.Retries;

/// <summary>Envoy's RetryStatus (envoy/router/router.h): the retry state's answer for one attempt.</summary>
public enum RetryStatus
{
    /// <summary>Not retriable (or the route does not retry): the outcome is the answer.</summary>
    No,
    /// <summary>Retriable, and a retry is scheduled.</summary>
    Yes,
    /// <summary>Retriable, but every retry was used: flag URX.</summary>
    NoRetryLimitExceeded,
    /// <summary>Retriable, but the retry circuit breaker (connectionPool.http.maxRetries) is full: flag UO.</summary>
    NoOverflow,
}
