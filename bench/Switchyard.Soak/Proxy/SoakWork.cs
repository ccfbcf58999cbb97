using System.Globalization;

namespace Switchyard.Soak.Proxy;

/// <summary>
/// What every process-driving run starts from: the <c>--cli</c> binary, a fresh temporary
/// directory (logs) with a <c>config</c> directory the proxy watches, and echo backends.
/// </summary>
internal sealed record SoakWork(string Cli, string Dir, string ConfigDir)
{
    public static SoakWork Create(SoakArgs args, string name)
    {
        var dir = Directory.CreateTempSubdirectory($"switchyard-soak-{name}-").FullName;
        return new SoakWork(args.Required("--cli"), dir, Directory.CreateDirectory(Path.Combine(dir, "config")).FullName);
    }

    /// <summary><c>switchyard echo PORT...</c> as one process, once every port accepts connections.</summary>
    public async Task<CliProcess> StartEchoAsync(string log, params int[] ports)
    {
        var echo = CliProcess.Start(Cli, Path.Combine(Dir, log), ["echo", .. ports.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        foreach (var p in ports)
            if (!await FreePort.WaitAcceptingAsync(p, TimeSpan.FromSeconds(60)))
            {
                echo.Dispose();
                throw new InvalidOperationException($"echo backend on {p} did not start; see {Path.Combine(Dir, log)}");
            }
        return echo;
    }

    public Task<ProxyProcess> StartProxyAsync(params string[] extra) => ProxyProcess.StartAsync(Cli, ConfigDir, Dir, extra);
}
