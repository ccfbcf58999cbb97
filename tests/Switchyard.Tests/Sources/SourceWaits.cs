using Switchyard.Sources;

namespace Switchyard.Tests.Sources;

/// <summary>
/// Waits on the source's events, never on the clock: subscribe, act, then await the first set
/// that satisfies the condition (with a generous timeout for a loaded machine).
/// </summary>
internal static class SourceWaits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The first <see cref="FileSource.Changed"/> set after <paramref name="act"/> that satisfies <paramref name="until"/>.</summary>
    public static Task<ConfigSet> ChangeAfter(FileSource source, Action act, Func<ConfigSet, bool> until) =>
        After(source, act, until, onEveryReload: false);

    /// <summary>The first reloaded set (changed or not) after <paramref name="act"/> that satisfies <paramref name="until"/>.</summary>
    public static Task<ConfigSet> ReloadAfter(FileSource source, Action act, Func<ConfigSet, bool> until) =>
        After(source, act, until, onEveryReload: true);

    private static async Task<ConfigSet> After(FileSource source, Action act, Func<ConfigSet, bool> until, bool onEveryReload)
    {
        var done = new TaskCompletionSource<ConfigSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<ConfigSet> handler = set =>
        {
            if (until(set)) done.TrySetResult(set);
        };
        if (onEveryReload) source.Reloaded += handler;
        else source.Changed += handler;
        try
        {
            act();
            return await done.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        }
        finally
        {
            if (onEveryReload) source.Reloaded -= handler;
            else source.Changed -= handler;
        }
    }
}
