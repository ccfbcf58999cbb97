using System.Collections.Concurrent;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// Keeps every request's outcome and lets a test wait for the next one. The proxy records an
/// outcome after the response has completed (as Envoy writes its access log after the stream
/// ends), so a client can hold the whole answer before the outcome exists: tests wait for it
/// here, signalled by the recording itself, never by time.
/// </summary>
public sealed class OutcomeRecorder
{
    private long _recorded;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The outcomes, oldest first (tests may dequeue them).</summary>
    public ConcurrentQueue<RequestOutcome> Outcomes { get; } = new();

    /// <summary>How many outcomes were ever recorded (dequeuing does not lower it).</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>The proxy's OnOutcome callback.</summary>
    public void Record(RequestOutcome outcome)
    {
        Outcomes.Enqueue(outcome);
        Interlocked.Increment(ref _recorded);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> outcomes were recorded; fails the
    /// test if that does not happen within a generous limit (every request gets an outcome).</summary>
    public async Task WaitForAsync(long count)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Eventually.DefaultTimeout);
        while (Recorded < count)
        {
            var next = Volatile.Read(ref _next);
            if (Recorded >= count) break;
            try
            {
                await next.Task.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"{count} outcomes expected, {Recorded} recorded");
            }
        }
    }
}
