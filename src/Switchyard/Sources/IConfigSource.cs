namespace Switchyard.Sources;

/// <summary>
/// Where configuration comes from: files today, the Kubernetes-compatible config API, a real API
/// server and an xDS control plane later. Every source yields the same thing, admitted
/// <see cref="ConfigSet"/> versions (per-resource admission, as Istio's webhook), so the host,
/// the proxy and the CLI never care which one they read. A round that fails to read (an I/O
/// error, a lost connection) publishes nothing: the last good set stays.
/// </summary>
public interface IConfigSource : IDisposable
{
    /// <summary>A short name for logs and the admin API ("files", "kube-api", "xds").</summary>
    string Name { get; }

    /// <summary>The latest published set; <see cref="ConfigSet.Empty"/> before the first load.</summary>
    ConfigSet Current { get; }

    /// <summary>Reads everything now, synchronously, publishes and returns the result.</summary>
    ConfigSet LoadNow();

    /// <summary>Starts following changes. Call <see cref="LoadNow"/> first; a change made between
    /// that load and this call is not missed.</summary>
    void Start();

    /// <summary>Raised after a round that changed the admitted resources (a new version).</summary>
    event Action<ConfigSet>? Changed;

    /// <summary>Raised after every round, changed or not (for logs, the admin view of rejections and tests).</summary>
    event Action<ConfigSet>? Reloaded;
}
