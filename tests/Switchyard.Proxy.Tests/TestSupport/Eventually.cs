namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// Polls an observable condition until it holds or a generous deadline passes (a loaded 2-core
/// machine can take seconds to notice a file change). The short delay is only the polling
/// interval; the outcome is decided by what is observed, never by how long we waited.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The first probed value that satisfies <paramref name="done"/>, or the last one
    /// probed when the deadline passed (the caller's assertion then shows what was seen).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>True once <paramref name="condition"/> holds; false if it never did before the deadline.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), ok => ok, timeout);
}
