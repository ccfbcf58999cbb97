namespace Switchyard.Soak.Proxy;

/// <summary>
/// <c>switchyard run -f DIR</c> as a real process on free loopback ports, access log off (as the
/// throughput runs do), ready once admin <c>/ready</c> answers LIVE. Its log is kept in the run's
/// directory for the report's "what happened" lines.
/// </summary>
internal sealed class ProxyProcess : IDisposable
{
    private ProxyProcess(CliProcess process, int port, int adminPort, string log)
    {
        Process = process;
        Port = port;
        AdminPort = adminPort;
        Log = log;
        Admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public CliProcess Process { get; }
    public int Port { get; }
    public int AdminPort { get; }
    public string Log { get; }
    public HttpClient Admin { get; }
    public Uri Uri => new($"http://127.0.0.1:{Port}");

    public static async Task<ProxyProcess> StartAsync(string cli, string configDir, string workDir, params string[] extra)
    {
        var port = FreePort.Next();
        var admin = FreePort.Next();
        var log = Path.Combine(workDir, "proxy.log");
        var process = CliProcess.Start(cli, log,
            ["run", "-f", configDir, "--listen", $"127.0.0.1:{port}", "--admin", $"127.0.0.1:{admin}", "--access-log", Environment.GetEnvironmentVariable("SOAK_ACCESS_LOG") ?? "off", .. extra]);
        var proxy = new ProxyProcess(process, port, admin, log);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await proxy.Admin.GetStringAsync("/ready").ConfigureAwait(false)).Trim() == "LIVE") return proxy;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        proxy.Dispose();
        throw new InvalidOperationException($"the proxy did not become ready; see {log}");
    }

    public ProcessStats Stats() => ProcessStats.Read(Process.Pid);

    /// <summary>The applied config version (<c>/config_dump</c>'s <c>version</c>).</summary>
    public async Task<long> ConfigVersionAsync()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await Admin.GetStringAsync("/config_dump").ConfigureAwait(false));
        return json.RootElement.GetProperty("version").GetInt64();
    }

    public void Dispose()
    {
        Process.Terminate(TimeSpan.FromSeconds(30));
        Process.Dispose();
        Admin.Dispose();
    }
}
