using Switchyard.Proxy.LoadBalancing;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// The one owner of a request's place in its endpoint's active-request count (what least-request
/// balancing reads), from the pick to the end of the request: <see cref="Start"/> at the pick,
/// <see cref="Move"/> when a retry goes to another endpoint, <see cref="End"/> once when the
/// request ends (response body copied or not). Envoy's router likewise holds the upstream host's
/// rq_active from the upstream request's start to its end. A field of the request's context, so
/// it costs no allocation; the endpoint stays readable after the end (for the access log).
/// </summary>
public struct EndpointLease
{
    private bool _held;

    /// <summary>The endpoint of the current (after the end: the last) attempt.</summary>
    public EndpointState? Endpoint { readonly get; private set; }

    public void Start(EndpointState endpoint)
    {
        if (_held) throw new InvalidOperationException("The request already holds an endpoint.");
        endpoint.OnRequestStart();
        Endpoint = endpoint;
        _held = true;
    }

    /// <summary>The count moves to <paramref name="next"/> (a retry's endpoint); the same endpoint keeps it.</summary>
    public void Move(EndpointState next)
    {
        if (!_held || ReferenceEquals(next, Endpoint)) return;
        next.OnRequestStart();
        Endpoint!.OnRequestEnd();
        Endpoint = next;
    }

    /// <summary>Gives the place back; a second call does nothing.</summary>
    public void End()
    {
        if (!_held) return;
        _held = false;
        Endpoint!.OnRequestEnd();
    }
}
