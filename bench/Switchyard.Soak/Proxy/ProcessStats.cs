using System.Globalization;

namespace Switchyard.Soak.Proxy;

/// <summary>One process's memory and open files, read from /proc as <c>ps</c> and <c>ls /proc/PID/fd</c> would.</summary>
internal readonly record struct ProcessStats(long RssKb, long HwmKb, int Fds)
{
    public static ProcessStats Read(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
            }
            return new ProcessStats(rss, hwm, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return default; // the process is gone
        }
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
