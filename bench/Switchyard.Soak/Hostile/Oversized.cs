using System.Collections.Concurrent;
using System.Text;

namespace Switchyard.Soak.Hostile;

/// <summary>
/// Requests over the listener's limits, one after another at <c>rate</c> per second, alternating
/// headers of 70 KiB (over Envoy's 60 KiB max_request_headers_kb: 431) and a body declared as
/// 2 MiB (over the run's 1 MiB --max-request-bytes: 413). Answers are counted by kind and status.
/// </summary>
internal sealed class Oversized
{
    public const long MaxBody = 1 << 20;

    private static readonly byte[] BigHeaders = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: shop\r\nx-big: {new string('a', 70 * 1024)}\r\n\r\n");
    private static readonly byte[] BigBody = Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: shop\r\nContent-Length: {2 * MaxBody}\r\n\r\n{new string('x', 64 * 1024)}");

    public ConcurrentDictionary<string, long> Answers { get; } = new();

    public async Task RunAsync(int port, int rate, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var headers = n++ % 2 == 0;
                var status = await RawHttp.ExchangeAsync(port, headers ? BigHeaders : BigBody, ct).ConfigureAwait(false);
                Answers.AddOrUpdate($"{(headers ? "70 KiB headers" : "2 MiB body")} -> {status}", 1, (_, c) => c + 1);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
