namespace Switchyard.Proxy.Hosting;

/// <summary>A listener could not bind its address (in use, not ours, not permitted). Its message
/// is one line a person can act on — <c>cannot listen on 127.0.0.1:15001: address already in
/// use</c> — which <c>switchyard run</c> prints as its error before exiting 2.</summary>
public sealed class ListenerBindException(string listener, string endpoint, string reason, Exception inner)
    : IOException($"cannot listen on {endpoint}: {reason}", inner)
{
    /// <summary>Which listener failed (outbound, admin).</summary>
    public string Listener { get; } = listener;
}
