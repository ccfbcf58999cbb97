using Switchyard.Proxy.Upstream;

namespace Switchyard.Proxy.Runtime;

/// <summary>One request's hold on its cluster's upstream client: taken when the request picks the
/// cluster, given back when it ends (<c>using var client = cluster.AcquireClient();</c>), so a
/// reload that replaces the client never disposes it under a request still using it.</summary>
public readonly struct UpstreamClientLease(UpstreamClient client, bool held) : IDisposable
{
    public UpstreamClient Client { get; } = client;

    /// <summary>False when the cluster was removed by a reload between the request's pick and
    /// this lease, and its client is gone: the request answers as for a missing cluster (NC).</summary>
    public bool IsHeld => held;

    /// <summary>The invoker this request sends every attempt through.</summary>
    public ClusterInvoker Invoker => Client.Invoker;

    public void Dispose()
    {
        if (held) Client.Release();
    }
}
