using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Soak.Proxy;

/// <summary>
/// Samples a process's RSS and open files every <c>interval</c> for as long as a run lasts, and
/// summarises them: start (first sample, after warm-up), peak, end, and the mean of the last
/// tenth against the mean of the second tenth of the run (growth that a flat process does not show).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable, IDisposable
{
    private readonly List<(TimeSpan At, ProcessStats Stats)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public MemorySampler(Func<ProcessStats> read, TimeSpan interval)
    {
        _read = read;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do Sample();
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        });
    }

    private readonly Func<ProcessStats> _read;

    private void Sample()
    {
        var s = _read();
        lock (_samples) _samples.Add((_clock.Elapsed, s));
    }

    public static MemorySampler ForProcess(int pid, TimeSpan interval) => new(() => ProcessStats.Read(pid), interval);

    public IReadOnlyList<(TimeSpan At, ProcessStats Stats)> Samples { get { lock (_samples) return [.. _samples]; } }

    public string Summary(string what)
    {
        if (!_stop.IsCancellationRequested) Sample(); // the end of the run
        var s = Samples.Where(x => x.Stats.RssKb > 0).ToList();
        if (s.Count == 0) return $"{what}: no samples";
        var tenth = Math.Max(1, s.Count / 10);
        double Mean(IEnumerable<(TimeSpan, ProcessStats S)> xs) => xs.Average(x => x.S.RssKb) / 1024.0;
        var early = Mean(s.Skip(tenth).Take(tenth).DefaultIfEmpty(s[0]));
        var late = Mean(s.Skip(s.Count - tenth));
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} RSS MB: start {s[0].Stats.RssKb / 1024.0:F1}, peak {s.Max(x => x.Stats.RssKb) / 1024.0:F1}, end {s[^1].Stats.RssKb / 1024.0:F1}; " +
            $"mean of 2nd tenth {early:F1} -> last tenth {late:F1} ({s.Count} samples over {s[^1].At.TotalMinutes:F1} min)\n" +
            $"{what} open fds: start {s[0].Stats.Fds}, peak {s.Max(x => x.Stats.Fds)}, end {s[^1].Stats.Fds}");
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
