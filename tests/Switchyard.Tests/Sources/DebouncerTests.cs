using Microsoft.Extensions.Time.Testing;
using Switchyard.Sources;

namespace Switchyard.Tests.Sources;

/// <summary>
/// The debouncer on a fake clock: a burst of file events is one reload, run a quiet period
/// after the last event, and a burst that never pauses still reloads after MaxWaitFactor delays.
/// </summary>
public class DebouncerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_burst_of_pokes_runs_the_action_once_a_quiet_delay_after_the_last_poke()
    {
        var time = new FakeTimeProvider();
        var runs = 0;
        using var debouncer = new Debouncer(time, Delay, () => runs++);

        // Twenty pokes 50 ms apart: an editor's save, a checkout.
        for (var i = 0; i < 20; i++)
        {
            debouncer.Poke();
            time.Advance(TimeSpan.FromMilliseconds(50));
        }
        Assert.Equal(0, runs);

        time.Advance(Delay - TimeSpan.FromMilliseconds(51));
        Assert.Equal(0, runs);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, runs);

        time.Advance(Delay * 10);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_burst_that_never_pauses_still_runs_after_MaxWaitFactor_delays()
    {
        var time = new FakeTimeProvider();
        var runsAt = new List<TimeSpan>();
        var start = time.GetTimestamp();
        using var debouncer = new Debouncer(time, Delay, () => runsAt.Add(time.GetElapsedTime(start)));

        // A poke every half delay, for 25 delays: never a quiet delay in between.
        for (var elapsed = TimeSpan.Zero; elapsed < Delay * 25; elapsed += Delay / 2)
        {
            debouncer.Poke();
            time.Advance(Delay / 2);
        }

        // One run per MaxWaitFactor delays of continuous pokes, not one per poke and not none.
        Assert.Equal(2, runsAt.Count);
        Assert.Equal(Delay * Debouncer.MaxWaitFactor, runsAt[0]);
        Assert.InRange(runsAt[1], runsAt[0] + Delay * Debouncer.MaxWaitFactor, runsAt[0] + Delay * (Debouncer.MaxWaitFactor + 1));
    }

    [Fact]
    public void A_poke_while_the_action_runs_starts_a_new_burst_and_a_later_run()
    {
        var time = new FakeTimeProvider();
        var runs = 0;
        Debouncer? debouncer = null;
        debouncer = new Debouncer(time, Delay, () =>
        {
            // An edit that lands while the reload is reading: it must get a reload of its own.
            if (++runs == 1) debouncer!.Poke();
        });
        using (debouncer)
        {
            debouncer.Poke();
            time.Advance(Delay);
            Assert.Equal(1, runs);

            time.Advance(Delay);
            Assert.Equal(2, runs);
        }
    }

    [Fact]
    public void After_dispose_pokes_run_nothing()
    {
        var time = new FakeTimeProvider();
        var runs = 0;
        var debouncer = new Debouncer(time, Delay, () => runs++);
        debouncer.Poke();

        debouncer.Dispose();
        debouncer.Poke();
        time.Advance(Delay * 2);

        Assert.Equal(0, runs);
    }
}
