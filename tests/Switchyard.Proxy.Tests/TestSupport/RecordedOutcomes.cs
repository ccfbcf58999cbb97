using System.Collections.Concurrent;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// The proxy records a request's outcome after its response is complete, so a client can hold the
/// whole answer before the outcome exists. Tests that read outcomes wait for them here, on what is
/// recorded, never on time.
/// </summary>
public static class RecordedOutcomes
{
    /// <summary>The outcomes once at least <paramref name="count"/> are recorded (fails if they never are).</summary>
    public static async Task<RequestOutcome[]> WaitForAsync(this ConcurrentQueue<RequestOutcome> outcomes, int count)
    {
        Assert.True(await Eventually.TrueAsync(() => outcomes.Count >= count), $"{outcomes.Count} of {count} outcomes recorded");
        return outcomes.ToArray();
    }

    /// <summary>The single outcome, once it is recorded.</summary>
    public static async Task<RequestOutcome> WaitForSingleAsync(this ConcurrentQueue<RequestOutcome> outcomes) =>
        Assert.Single(await outcomes.WaitForAsync(1));
}
