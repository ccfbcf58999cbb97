using Switchyard.Translation;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// The one volatile root the request path reads. Updates are serialized; each builds the whole
/// new state, then publishes it with a single write. Upstream clients that no cluster uses any
/// more are disposed after a grace period, so in-flight requests on them finish.
/// </summary>
public sealed class ProxyStateHolder(ClusterReconciler reconciler, TimeProvider time)
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(60);
    private readonly Lock _gate = new();
    private ProxyState _current = ProxyState.Empty;

    public ProxyState Current => Volatile.Read(ref _current);

    /// <summary>True once a snapshot has been applied (admin /ready).</summary>
    public bool IsReady => Current.Snapshot.Version > 0;

    public void Apply(MeshSnapshot snapshot)
    {
        List<HttpMessageInvoker> retired;
        lock (_gate)
        {
            (var next, retired) = reconciler.Reconcile(Current, snapshot);
            Volatile.Write(ref _current, next);
        }
        if (retired.Count > 0) _ = DisposeLaterAsync(retired);
    }

    private async Task DisposeLaterAsync(List<HttpMessageInvoker> retired)
    {
        await Task.Delay(RetireAfter, time).ConfigureAwait(false);
        foreach (var invoker in retired) invoker.Dispose();
    }
}
