using System.Diagnostics;

namespace Switchyard.Tests.Cli;

/// <summary>`switchyard run` as a real process stops on SIGTERM, as Kubernetes stops a sidecar,
/// and on SIGINT, which is Ctrl+C in the terminal the README's tour runs it in.</summary>
public class RunShutdownTests
{
    [Theory]
    [InlineData("-TERM")]
    [InlineData("-INT")]
    public async Task Run_exits_0_on_SIGTERM_and_on_Ctrl_C(string signal)
    {
        if (!OperatingSystem.IsLinux()) return;
        var ct = TestContext.Current.CancellationToken;
        var dll = Path.Combine(AppContext.BaseDirectory, "switchyard.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "run", "-f", CliRunner.Example("frontend"), "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--access-log", "off" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var proxy = Process.Start(start)!;
        try
        {
            // The proxy says where it listens once it is up.
            string? line;
            do line = await proxy.StandardError.ReadLineAsync(ct);
            while (line is not null && !line.StartsWith("switchyard proxy on", StringComparison.Ordinal));
            Assert.NotNull(line);

            using (var kill = Process.Start("kill", [signal, proxy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            await proxy.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, proxy.ExitCode);
        }
        finally
        {
            if (!proxy.HasExited) proxy.Kill(entireProcessTree: true);
        }
    }
}
