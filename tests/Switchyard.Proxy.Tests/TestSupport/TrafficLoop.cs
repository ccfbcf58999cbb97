using System.Collections.Concurrent;
using System.Net;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// Continuous traffic through the proxy while a test changes the configuration: a few workers,
/// each on its own keep-alive connection, sending GETs with one Host header back to back until
/// stopped. Every answer is recorded: the backend's name (first body line) for a 200, or the
/// failure (status or exception). Stopping lets in-flight requests finish, so stopping is never
/// itself a failure.
/// </summary>
public sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _byBackend = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly List<HttpClient> _clients = new();
    private readonly List<Task> _workers = new();
    private int _total;

    private TrafficLoop()
    {
    }

    /// <summary>Requests answered so far (successful or not).</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>What went wrong, one line per failed request.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>200 responses from the backend named <paramref name="backend"/> (e.g. "frontend v2").</summary>
    public int Count(string backend) => _byBackend.GetValueOrDefault(backend);

    public IReadOnlyDictionary<string, int> ByBackend => new Dictionary<string, int>(_byBackend);

    public static TrafficLoop Start(Uri proxy, string host, int workers = 3, string path = "/")
    {
        var loop = new TrafficLoop();
        for (var i = 0; i < workers; i++)
        {
            // One connection per worker, kept alive across requests (the default, made explicit).
            var client = new HttpClient(new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                MaxConnectionsPerServer = 1,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            })
            { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(60) };
            loop._clients.Add(client);
            loop._workers.Add(Task.Run(() => loop.RunAsync(client, host, path)));
        }
        return loop;
    }

    private async Task RunAsync(HttpClient client, string host, string path)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Host = host;
                // Not cancelled by Stop: a request in flight is allowed to finish.
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                    _byBackend.AddOrUpdate(body.Split('\n')[0], 1, (_, n) => n + 1);
                else
                    _failures.Enqueue($"HTTP {(int)response.StatusCode}: {body.Split('\n')[0]}");
            }
            catch (Exception ex)
            {
                _failures.Enqueue($"{ex.GetType().Name}: {ex.Message}");
            }
            Interlocked.Increment(ref _total);
        }
    }

    /// <summary>Waits until at least <paramref name="more"/> further requests were answered.</summary>
    public Task<bool> WaitForMoreAsync(int more, TimeSpan? timeout = null)
    {
        var target = Total + more;
        return Eventually.TrueAsync(() => Total >= target, timeout);
    }

    /// <summary>Stops sending and waits for every worker's last request to complete.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        foreach (var c in _clients) c.Dispose();
        _stop.Dispose();
    }
}
