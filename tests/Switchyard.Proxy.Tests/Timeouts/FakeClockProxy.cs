using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Timeouts;

/// <summary>
/// The real proxy on a <see cref="FakeTimeProvider"/> in front of one <see cref="ScriptedBackend"/>
/// registered as service <c>slow</c>: a timeout fires only when the test advances the clock, once
/// the backend holds the request, so no test waits for real time to pass.
/// </summary>
internal sealed class FakeClockProxy : IAsyncDisposable
{
    private FakeClockProxy(ProxyHarness harness, ScriptedBackend backend, FakeTimeProvider time)
    {
        Harness = harness;
        Backend = backend;
        Time = time;
    }

    public ProxyHarness Harness { get; }

    public ScriptedBackend Backend { get; }

    public FakeTimeProvider Time { get; }

    /// <param name="ruleFields">Rule-level fields of the one http rule to <c>slow</c> (timeout, retries).</param>
    public static async Task<FakeClockProxy> StartAsync(string ruleFields, ScriptedBackend backend)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var config = MeshYaml.Join(
            MeshYaml.VirtualService("slow", $"""
                - route:
                  - destination: {"{"}host: slow{"}"}
                {MeshYaml.Indent(ruleFields, 2)}
                """),
            ServiceEntryYaml.For("slow", [(backend.Port, "app: slow")]));
        var harness = await ProxyHarness.StartAsync(config, time, "frontend", "v1");
        return new FakeClockProxy(harness, backend, time);
    }

    public Task<(HttpStatusCode Status, string Body)> GetAsync(Dictionary<string, string>? headers = null) =>
        Harness.GetAsync("slow", "/", headers);

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="condition"/> holds
    /// (a retry's backoff also runs on this clock, so a retry arrives only as time moves on).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step)
    {
        Assert.True(await Eventually.TrueAsync(() =>
        {
            if (condition()) return true;
            Time.Advance(step);
            return condition();
        }), "the condition never held while the clock advanced");
    }

    /// <summary>Waits (on the backend, not on time) until it holds <paramref name="requests"/> requests.</summary>
    public async Task BackendHoldsAsync(int requests) =>
        Assert.True(await Eventually.TrueAsync(() => Backend.Requests >= requests), $"backend has {Backend.Requests} requests");

    public Task<RequestOutcome> OutcomeAsync() => Harness.Outcomes.WaitForSingleAsync();

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
