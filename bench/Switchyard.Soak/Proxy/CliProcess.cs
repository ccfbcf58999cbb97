using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Switchyard.Soak.Proxy;

/// <summary>
/// One real <c>switchyard</c> process (<c>run</c>, <c>echo</c>): the NativeAOT binary or
/// <c>dotnet switchyard.dll</c>, whichever <c>--cli</c> names. Its stdout and stderr go to a log
/// file; it is stopped with SIGTERM (a graceful drain) or SIGKILL (a crash).
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;

    private CliProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(string cli, string log, params string[] args)
    {
        var info = cli.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { cli } }
            : new ProcessStartInfo(cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {cli}");
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CliProcess(process);
    }

    /// <summary>SIGKILL: the process dies at once, its sockets reset, as a crashed backend's do.</summary>
    public void Kill() { _process.Kill(); _process.WaitForExit(); }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> for a clean exit; its exit code (or null if it had to be killed).</summary>
    public int? Terminate(TimeSpan grace)
    {
        if (_process.HasExited) return _process.ExitCode;
        _ = SendSignal(_process.Id, 15);
        if (_process.WaitForExit(grace)) return _process.ExitCode;
        Kill();
        return null;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
