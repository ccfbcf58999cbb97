namespace Switchyard.Translation.Policies.Timeouts;

/// <summary>
/// A route's <c>timeout</c>: how long the proxy waits for the upstream over all attempts before it
/// answers 504 (flag UT). Istio sets no timeout unless the rule has one (it turns Envoy's 15 s
/// default off with 0s), and 0s means "none" to Envoy, so both compile to no policy.
/// </summary>
public sealed record RouteTimeout(TimeSpan Timeout)
{
    public static RouteTimeout? From(Model.Duration? timeout) =>
        timeout is { Nanoseconds: > 0 } d ? new RouteTimeout(d.ToTimeSpan()) : null;
}
