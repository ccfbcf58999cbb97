using System.Net;
using System.Net.Sockets;
using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

/// <summary>
/// <c>switchyard run</c>'s listeners as an operator meets them: a port already in use is one line
/// and exit code 2, <c>--admin off</c> starts no admin listener, and an admin reachable from other
/// hosts is warned about.
/// </summary>
public sealed class RunListenerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "switchyard-listen-" + Guid.NewGuid().ToString("N"));

    public RunListenerTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "vs.yaml"), """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: frontend, namespace: default}
            spec:
              hosts: [frontend]
              http:
              - directResponse: {status: 200, body: {string: ok}}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--listen")]
    [InlineData("--admin")]
    public async Task A_port_in_use_is_one_error_line_and_exit_code_2(string option)
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var busy = $"127.0.0.1:{port}";
        string[] args = option == "--listen"
            ? ["run", "-f", _dir, "--listen", busy, "--admin", "127.0.0.1:0", "--access-log", "off"]
            : ["run", "-f", _dir, "--listen", "127.0.0.1:0", "--admin", busy, "--access-log", "off"];
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, new CliIo(TextWriter.Null, stderr, TextReader.Null), ct);

        Assert.Equal(2, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([$"error: cannot listen on {busy}: address already in use"], lines.Where(l => !l.StartsWith("info[", StringComparison.Ordinal)));
        // No stack trace, no failure logged twice, no "shutting down" for a proxy that never ran.
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.DoesNotContain("info[2002]: shutting down", lines);
    }

    [Fact]
    public async Task Admin_off_starts_no_admin_listener()
    {
        var ct = TestContext.Current.CancellationToken;
        var stderr = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", _dir, "--listen", "127.0.0.1:0", "--admin", "off", "--access-log", "off"],
            new CliIo(TextWriter.Null, stderr, TextReader.Null), stop.Token), ct);
        try
        {
            var start = await stderr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            Assert.EndsWith(", admin off", start[^1]);
            Assert.DoesNotContain(start, l => l.StartsWith("info[2001]", StringComparison.Ordinal));
            var proxy = start.Single(l => l.StartsWith("info[2000]: outbound listener on ", StringComparison.Ordinal));
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(proxy["info[2000]: outbound listener on ".Length..]) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = "frontend";
            using var response = await client.SendAsync(request, deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task An_admin_on_a_non_loopback_address_is_warned_about_in_one_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var stderr = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", _dir, "--listen", "127.0.0.1:0", "--admin", "0.0.0.0:0", "--access-log", "off"],
            new CliIo(TextWriter.Null, stderr, TextReader.Null), stop.Token), ct);
        try
        {
            var start = await stderr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            var warning = Assert.Single(start, l => l.StartsWith("warn[2005]: ", StringComparison.Ordinal));
            Assert.Contains("reachable from other hosts", warning);
            Assert.Contains("--admin off", warning);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await run);
    }
}
