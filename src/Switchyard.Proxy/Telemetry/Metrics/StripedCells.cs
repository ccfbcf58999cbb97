using System.Runtime.CompilerServices;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// A row of <c>long</c> counters striped per core: each core adds to its own copy of the row
/// (<see cref="Thread.GetCurrentProcessorId"/>), each copy on its own cache lines, so two cores
/// counting requests of the same series never bounce one line between them. Adds are still
/// <see cref="Interlocked"/> (a thread can move between cores mid-request); a scrape sums the
/// copies. This is what keeps metrics off the per-core throughput of the request path.
/// </summary>
public sealed class StripedCells
{
    // 64-byte lines hold 8 longs; a line of padding in front keeps the first stripe off the array header's line.
    private const int LineLongs = 8;
    private readonly long[] _cells;
    private readonly int _width;
    private readonly int _mask;

    public StripedCells(int slots)
    {
        Slots = slots;
        _width = (slots + LineLongs - 1) / LineLongs * LineLongs;
        var stripes = 1;
        while (stripes < Math.Min(Environment.ProcessorCount, 8)) stripes <<= 1;
        _mask = stripes - 1;
        _cells = new long[LineLongs + stripes * _width];
    }

    public int Slots { get; }

    /// <summary>The first slot of this core's row; pass it to <see cref="Add"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long Row() => ref _cells[LineLongs + (Thread.GetCurrentProcessorId() & _mask) * _width];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref long row, int slot, long value) => Interlocked.Add(ref Unsafe.Add(ref row, slot), value);

    /// <summary>The slot summed over every core's row (at scrape time).</summary>
    public long Sum(int slot)
    {
        long total = 0;
        for (var start = LineLongs; start < _cells.Length; start += _width) total += Volatile.Read(ref _cells[start + slot]);
        return total;
    }
}
