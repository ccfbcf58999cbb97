using Switchyard.Translation;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// The one volatile root the request path reads. Updates are serialized; each builds the whole
/// new state, then publishes it with a single write. Upstream clients no cluster uses any more
/// are retired after that write: each is disposed when the last request holding it ends.
/// </summary>
public sealed class ProxyStateHolder(ClusterReconciler reconciler, TimeProvider time)
{
    private readonly Lock _gate = new();
    private ProxyState _current = ProxyState.Empty;

    public ProxyState Current => Volatile.Read(ref _current);

    /// <summary>The clock the proxy runs on.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>True once a snapshot has been applied (admin /ready).</summary>
    public bool IsReady => Current.Snapshot.Version > 0;

    /// <summary>Raised for every upstream client a reload replaced or removed, when it is retired
    /// (it is disposed once its last request ends; see <see cref="UpstreamClient.Disposed"/>).</summary>
    public event Action<UpstreamClient>? ClientRetired;

    public void Apply(MeshSnapshot snapshot)
    {
        lock (_gate)
        {
            var result = reconciler.Reconcile(Current, snapshot);
            Volatile.Write(ref _current, result.State);
            foreach (var detector in result.RetiredDetectors) detector.Dispose();
            foreach (var client in result.RetiredClients)
            {
                ClientRetired?.Invoke(client);
                client.Retire();
            }
        }
    }
}
