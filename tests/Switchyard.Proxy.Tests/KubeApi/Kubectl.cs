using System.Diagnostics;
using System.Text;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>
/// Real <c>kubectl</c> (from PATH; <c>.ci/run</c> installs Debian's package when it is absent)
/// run as a subprocess against a kubeconfig, with its own discovery cache directory so no test
/// sees another server's cached API list.
/// </summary>
public sealed class Kubectl(string kubeconfig, string cacheDir)
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string All => Out + Err;
    }

    public async Task<Result> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<Result> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var p = Process.Start(Start(args, stdin is not null))!;
        if (stdin is not null)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>A long-running kubectl (<c>get -w</c>) whose output lines are collected as they come.</summary>
    public Watching Watch(params string[] args) => new(Process.Start(Start(args, false))!);

    private ProcessStartInfo Start(string[] args, bool stdin)
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--kubeconfig");
        psi.ArgumentList.Add(kubeconfig);
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(cacheDir);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["KUBECONFIG"] = kubeconfig;
        psi.Environment["HOME"] = Path.GetDirectoryName(cacheDir)!;
        return psi;
    }

    public sealed class Watching : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _out = new();
        private readonly Lock _gate = new();

        internal Watching(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _out.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _out.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output { get { lock (_gate) return _out.ToString(); } }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
