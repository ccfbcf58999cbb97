using System.Diagnostics;

namespace Switchyard.Soak.BackendKill;

/// <summary>
/// The victim's life, one cycle per kill: when it was killed (from the SIGKILL to its exit),
/// when its successor accepted connections again, and when the proxy first sent it a request
/// after that. A failed request "was in flight on it" when it started before the victim's death
/// and ended after the kill began. A victim that accepts connections but gets no request for
/// <see cref="EjectedGap"/> under round robin at hundreds of requests per second was ejected.
/// </summary>
internal sealed class KillCycles
{
    public static readonly TimeSpan EjectedGap = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly List<Cycle> _cycles = [];

    internal sealed class Cycle(long killStart)
    {
        public long KillStart { get; } = killStart;
        public long KillEnd { get; set; } = long.MaxValue;
        public long Up { get; set; }
        public long FirstServed { get; set; }
    }

    /// <summary>Registered before the SIGKILL, so a failure it causes always finds its cycle.</summary>
    public Cycle Killing(long start)
    {
        var c = new Cycle(start);
        lock (_gate) _cycles.Add(c);
        return c;
    }

    public void Killed(Cycle c, long end) { lock (_gate) c.KillEnd = end; }

    public void Up(Cycle c, long at) { lock (_gate) c.Up = at; }

    private long _lastServed;

    /// <summary>The longest time between two answers from the victim (downtime and ejection together).</summary>
    public TimeSpan LongestWithoutVictim { get; private set; }

    public void VictimServed(long at)
    {
        lock (_gate)
        {
            if (_lastServed > 0 && at > _lastServed && Stopwatch.GetElapsedTime(_lastServed, at) > LongestWithoutVictim)
                LongestWithoutVictim = Stopwatch.GetElapsedTime(_lastServed, at);
            _lastServed = Math.Max(_lastServed, at);
            if (_cycles.Count > 0 && _cycles[^1] is { Up: > 0, FirstServed: 0 } c && at > c.Up) c.FirstServed = at;
        }
    }

    public bool InFlightAtKill(long start, long end)
    {
        lock (_gate)
        {
            for (var i = _cycles.Count - 1; i >= 0 && i >= _cycles.Count - 4; i--)
                if (start <= _cycles[i].KillEnd && end >= _cycles[i].KillStart) return true;
            return false;
        }
    }

    /// <summary>Where a request sat against the latest kill: "started X ms after the kill ended (Y ms before the victim was up), took Z ms".</summary>
    public string Relative(long start, long end)
    {
        lock (_gate)
        {
            var c = _cycles.LastOrDefault(c => c.KillStart <= start) ?? _cycles.FirstOrDefault();
            if (c is null) return "before any kill";
            var up = c.Up > 0 ? $"{Stopwatch.GetElapsedTime(start, c.Up).TotalMilliseconds:F0} ms before the victim accepted again" : "victim not up yet";
            return $"started {Stopwatch.GetElapsedTime(c.KillEnd, start).TotalMilliseconds:F0} ms after the kill ended ({up}), took {Stopwatch.GetElapsedTime(start, end).TotalMilliseconds:F1} ms";
        }
    }

    /// <summary>(cycles, ejected, ejected then served again, longest silence while up, mean downtime).</summary>
    public (int Cycles, int Ejected, int Returned, TimeSpan LongestSilence, TimeSpan MeanDown) Summary(long end)
    {
        lock (_gate)
        {
            var done = _cycles.Where(c => c.Up > 0).ToList();
            TimeSpan Silence(int i) => Stopwatch.GetElapsedTime(done[i].Up, done[i].FirstServed > 0 ? done[i].FirstServed : i + 1 < done.Count ? done[i + 1].KillStart : end);
            var ejected = Enumerable.Range(0, done.Count).Where(i => Silence(i) >= EjectedGap).ToList();
            var returned = ejected.Count(i => done.Skip(i).Any(c => c.FirstServed > 0));
            var longest = done.Count == 0 ? TimeSpan.Zero : Enumerable.Range(0, done.Count).Max(Silence);
            var down = done.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)done.Average(c => Stopwatch.GetElapsedTime(c.KillStart, c.Up).Ticks));
            return (done.Count, ejected.Count, returned, longest, down);
        }
    }
}
