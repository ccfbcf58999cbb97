using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>One request as the client saw it: when it started and ended (Stopwatch ticks), and
/// the backend that answered (the body's first line) or what went wrong.</summary>
public readonly record struct TimedAnswer(long Start, long End, HttpStatusCode? Status, string Answer)
{
    public bool Ok => Status == HttpStatusCode.OK;
}

/// <summary>
/// Continuous load for the soak tests: a few workers, each on its own keep-alive connection,
/// sending GETs back to back until stopped, keeping every answer with its start and end times so
/// a test can ask which config was live while a request ran (TestSupport's TrafficLoop counts
/// answers but does not time them).
/// </summary>
public sealed class TimedTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<TimedAnswer> _answers = new();
    private readonly List<Task> _workers = [];
    private readonly List<HttpClient> _clients = [];

    public IReadOnlyCollection<TimedAnswer> Answers => _answers;

    public int Count => _answers.Count;

    public static TimedTraffic Start(Uri proxy, string host, int workers = 3)
    {
        var t = new TimedTraffic();
        for (var i = 0; i < workers; i++)
        {
            var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = 1 })
            { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(60) };
            t._clients.Add(client);
            t._workers.Add(Task.Run(() => t.RunAsync(client, host)));
        }
        return t;
    }

    private async Task RunAsync(HttpClient client, string host)
    {
        while (!_stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Host = host;
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                _answers.Enqueue(new TimedAnswer(start, Stopwatch.GetTimestamp(), response.StatusCode, body.Split('\n')[0]));
            }
            catch (HttpRequestException ex)
            {
                _answers.Enqueue(new TimedAnswer(start, Stopwatch.GetTimestamp(), null, ex.Message));
            }
        }
    }

    /// <summary>True once <paramref name="more"/> further answers arrived (load is flowing).</summary>
    public Task<bool> WaitForMoreAsync(int more)
    {
        var target = Count + more;
        return TestSupport.Eventually.TrueAsync(() => Count >= target);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_workers);
        foreach (var c in _clients) c.Dispose();
        _stop.Dispose();
    }
}
