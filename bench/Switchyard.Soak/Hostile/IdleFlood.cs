using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Soak.Hostile;

/// <summary>
/// The idle flood: <c>hold-idle</c> child processes (this program again), each holding its share
/// of the connections from its own loopback source address, and their latest counts summed.
/// </summary>
internal sealed class IdleFlood : IDisposable
{
    private readonly List<(Process Process, long[] Counts)> _children = [];

    public static IdleFlood Start(int port, int total, int perProcess)
    {
        var flood = new IdleFlood();
        for (var i = 0; i * perProcess < total; i++)
        {
            var count = Math.Min(perProcess, total - i * perProcess);
            var info = SelfStartInfo("hold-idle", "--port", port.ToString(CultureInfo.InvariantCulture),
                "--count", count.ToString(CultureInfo.InvariantCulture), "--source", $"127.0.0.{i + 2}");
            info.RedirectStandardInput = info.RedirectStandardOutput = true;
            var process = Process.Start(info)!;
            var counts = new long[3];
            process.OutputDataReceived += (_, e) =>
            {
                var f = e.Data?.Split(' ');
                if (f is not ["opened", var o, "failed", var x, "closed", var c]) return;
                lock (counts) (counts[0], counts[1], counts[2]) = (long.Parse(o, CultureInfo.InvariantCulture), long.Parse(x, CultureInfo.InvariantCulture), long.Parse(c, CultureInfo.InvariantCulture));
            };
            process.BeginOutputReadLine();
            flood._children.Add((process, counts));
        }
        return flood;
    }

    /// <summary>Connections the children opened, failed to open, and saw closed by the proxy.</summary>
    public (long Opened, long Failed, long Closed) Counts()
    {
        long o = 0, f = 0, c = 0;
        foreach (var (_, counts) in _children)
            lock (counts) { o += counts[0]; f += counts[1]; c += counts[2]; }
        return (o, f, c);
    }

    /// <summary>This program as a child process (the apphost, or <c>dotnet Switchyard.Soak.dll</c>).</summary>
    private static ProcessStartInfo SelfStartInfo(params string[] args)
    {
        var path = Environment.ProcessPath!;
        var info = new ProcessStartInfo(path);
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") info.ArgumentList.Add(typeof(IdleFlood).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    public void Dispose()
    {
        foreach (var (p, _) in _children)
        {
            p.StandardInput.Close();
            if (!p.WaitForExit(TimeSpan.FromSeconds(30))) p.Kill();
            p.Dispose();
        }
    }
}
