namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Chooses the endpoint for one request attempt. Implementations are thread-safe and
/// lock-free on the request path.</summary>
public interface ILoadBalancer
{
    /// <summary>The endpoint to use, or null when the cluster has none (the proxy answers 503 UH).
    /// Ejected endpoints are skipped unless every endpoint is ejected; <see cref="LbRequest.Exclude"/>
    /// is avoided whenever another usable endpoint exists.</summary>
    EndpointState? Pick(in LbRequest request);
}
