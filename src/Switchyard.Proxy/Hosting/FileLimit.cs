using System.Runtime.InteropServices;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE). Every downstream and upstream connection is a
/// file descriptor, so a proxy raises its soft limit to the hard limit at start, as Envoy's
/// deployments do (<c>ulimit -n</c> in its image, Istio's proxy init), and sizes its downstream
/// connection cap below it. Calls libc directly: source-generated, blittable, NativeAOT-safe.
/// </summary>
internal static partial class FileLimit
{
    private static readonly Lock Gate = new();
    private static (long Before, long After)? _raised;

    /// <summary>Raises the soft limit to the hard limit once per process; returns the soft limit
    /// before and after, or null where there is no RLIMIT_NOFILE (Windows) or the call failed.</summary>
    public static (long Before, long After)? RaiseSoftToHard()
    {
        lock (Gate)
        {
            if (_raised is { } done) return done;
            if (Resource() is not { } resource) return null;
            if (GetRLimit(resource, out var limit) != 0) return null;
            var before = Clamp(limit.Current);
            if (limit.Current < limit.Maximum)
            {
                var raised = limit with { Current = limit.Maximum };
                // macOS refuses a soft limit above OPEN_MAX even when the hard limit is unlimited.
                if (SetRLimit(resource, raised) != 0 && OperatingSystem.IsMacOS()) SetRLimit(resource, limit with { Current = 10240 });
                if (GetRLimit(resource, out limit) != 0) return null;
            }
            _raised = (before, Clamp(limit.Current));
            return _raised;
        }
    }

    /// <summary>The soft limit now, or null where unknown.</summary>
    public static long? Current() =>
        Resource() is { } resource && GetRLimit(resource, out var limit) == 0 ? Clamp(limit.Current) : null;

    /// <summary>Files the process has open now (Linux: /proc/self/fd); 0 where unknown.</summary>
    public static int OpenFiles()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Directory.GetFileSystemEntries("/proc/self/fd").Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static int? Resource() =>
        OperatingSystem.IsLinux() ? 7 : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 8 : null;

    /// <summary>struct rlimit: rlim_t is 64-bit on the 64-bit Unix systems .NET runs on.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private record struct RLimit(ulong Current, ulong Maximum);

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRLimit(int resource, in RLimit limit);
}
