using System.Diagnostics;

namespace Switchyard.Soak.Load;

/// <summary>One request's result as the client saw it: when it started and ended (Stopwatch ticks),
/// its status (0 when it got none) and the first line of its body (the echo backend's name), or the error.</summary>
internal readonly record struct Sample(int Worker, long Start, long End, int Status, string? Backend, string? Error)
{
    public bool Ok => Status == 200 && Error is null;

    public string Describe() => Error ?? $"HTTP {Status}: {Backend}";
}

/// <summary>
/// Continuous load: <c>workers</c> clients, each on its own keep-alive connection, sending GETs
/// with one Host header back to back until stopped. Each result goes to <c>observe</c> (on the
/// worker's thread, one at a time per worker) and into the latency histogram.
/// </summary>
internal sealed class LoadLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly List<HttpClient> _clients = [];

    public Latencies Latencies { get; } = new();

    public static LoadLoop Start(Uri proxy, string host, int workers, Action<Sample> observe)
    {
        var loop = new LoadLoop();
        for (var w = 0; w < workers; w++)
        {
            var client = new HttpClient(new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                MaxConnectionsPerServer = 1,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            })
            { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(60) };
            loop._clients.Add(client);
            var worker = w;
            loop._workers.Add(Task.Run(() => loop.RunAsync(worker, client, host, observe)));
        }
        return loop;
    }

    private async Task RunAsync(int worker, HttpClient client, string host, Action<Sample> observe)
    {
        while (!_stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            Sample sample;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Host = host;
                // Not cancelled by Stop: a request in flight finishes.
                using var response = await client.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
                var newline = body.IndexOf('\n');
                sample = new Sample(worker, start, Stopwatch.GetTimestamp(), (int)response.StatusCode, newline < 0 ? body : body[..newline], null);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                sample = new Sample(worker, start, Stopwatch.GetTimestamp(), 0, null, $"{ex.GetType().Name}: {ex.Message}");
            }
            Latencies.Add(sample.Start, sample.End);
            observe(sample);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        foreach (var c in _clients) c.Dispose();
        _stop.Dispose();
    }
}
