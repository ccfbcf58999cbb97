using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The Kubernetes-compatible config API: the store, filled from the config directory at start,
/// and the request handler. Objects it admits are written to the directory, and the host's file
/// source applies them like any edit, so files and API are one source; edits to the files (by
/// hand, by a checkout) come back into the API through <see cref="Sync"/> after each file round.
/// </summary>
public sealed class KubeApiServer : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ObjectFiles _files;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public KubeApiServer(KubeApiOptions options, TimeProvider time, ILogger logger)
    {
        Options = options;
        _time = time;
        _logger = logger;
        _files = new ObjectFiles(options.Directory);
        Store = new ObjectStore(_files, options.HistoryLimit);
        var onDisk = _files.ReadAll(options.DefaultNamespace);
        Store.Load(onDisk, MaxStoredVersion(onDisk), time);
    }

    public KubeApiOptions Options { get; }

    internal ObjectStore Store { get; }

    /// <summary>The number of watches open now (each ends when its client goes).</summary>
    public int OpenWatches => Store.WatchCount;

    /// <summary>The TLS certificate from <see cref="KubeApiOptions.CertificateFile"/>, or null for plain HTTP.</summary>
    public X509Certificate2? Certificate() =>
        Options.CertificateFile is { } cert ? X509Certificate2.CreateFromPemFile(cert, Options.KeyFile) : null;

    internal void Map(WebApplication app) => app.Run(new KubeApiHandler(Options, Store, _time, _logger, _stopping.Token).HandleAsync);

    internal void Started(Uri uri) => Log.Started(_logger, uri, _files.Root);

    /// <summary>Takes in what the files hold now; called after each round of the file source.</summary>
    public void Sync()
    {
        try
        {
            Store.Sync(Options.DefaultNamespace, _time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file source reports and retries unreadable files; the API keeps what it has.
        }
    }

    /// <summary>Ends every watch, so that the listener's shutdown does not wait for them.</summary>
    public void Stop() => _stopping.Cancel();

    /// <summary>A restart continues above the highest resourceVersion written into a file.</summary>
    private static long MaxStoredVersion(List<(ObjectKey Key, System.Text.Json.Nodes.JsonObject Object, string File)> onDisk)
    {
        long max = 0;
        foreach (var (_, obj, _) in onDisk)
            if (obj["metadata"]?["resourceVersion"]?.GetValue<string>() is { } rv && long.TryParse(rv, out var n) && n > max) max = n;
        return max;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
