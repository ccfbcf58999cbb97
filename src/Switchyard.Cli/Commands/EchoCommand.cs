using System.CommandLine;
using System.Net.Sockets;
using Switchyard.Proxy.Demo;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard echo PORT...</c>: stand-in backends on 127.0.0.1 that answer every request with
/// their address and the request line and headers they received (the demo's backends). With them
/// the README's <c>run</c> example serves real answers on a machine with nothing else installed:
/// <c>examples/local</c> names 127.0.0.1:8081 and :8082 as the endpoints of its two subsets.
/// </summary>
public static class EchoCommand
{
    public static Command Create(CliIo io)
    {
        var ports = new Argument<int[]>("PORT") { Description = "Ports on 127.0.0.1 to answer on, one backend each.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("echo", "Start stand-in backends on 127.0.0.1 that echo each request (for trying 'run'); Ctrl+C stops.");
        command.Arguments.Add(ports);
        command.SetAction((parse, ct) => RunAsync(io, parse.GetValue(ports)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliIo io, int[] ports, CancellationToken ct)
    {
        using var shutdown = ShutdownSignal.Listen(ct);
        var backends = new List<EchoBackend>();
        try
        {
            foreach (var port in ports)
            {
                if (port is < 1 or > 65535) { io.Err.WriteLine($"error: invalid port {port}: expected 1-65535"); return 2; }
                try
                {
                    backends.Add(await EchoBackend.StartAsync($"backend 127.0.0.1:{port}", port));
                }
                catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    io.Err.WriteLine($"error: 127.0.0.1:{port} is already in use");
                    return 2;
                }
                io.Out.WriteLine($"backend on http://127.0.0.1:{port}/");
            }
            io.Out.WriteLine("Running; Ctrl+C or SIGTERM stops.");
            await shutdown.WaitAsync();
            return 0;
        }
        finally
        {
            foreach (var b in backends) await b.DisposeAsync();
        }
    }
}
