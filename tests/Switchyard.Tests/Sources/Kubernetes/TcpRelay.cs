using System.Net;
using System.Net.Sockets;

namespace Switchyard.Tests.Sources.Kubernetes;

/// <summary>
/// A TCP relay between KubernetesSource and the config API that can cut every connection
/// (a watch dropped mid-stream, as a load balancer or an API server restart drops it) and refuse
/// new ones for a while (an unreachable server).
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = new();
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private volatile bool _refusing;

    public TcpRelay(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many connections were relayed (a resumed watch is a new one).</summary>
    public int Connections { get; private set; }

    /// <summary>Closes every open connection; with <paramref name="refuse"/>, new ones are closed at once until <see cref="Accept"/>.</summary>
    public void Drop(bool refuse = false)
    {
        _refusing = refuse;
        lock (_gate)
        {
            foreach (var c in _open) c.Dispose();
            _open.Clear();
        }
    }

    public void Accept() => _refusing = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_refusing)
            {
                client.Dispose();
                continue;
            }
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }
            lock (_gate)
            {
                _open.Add(client);
                _open.Add(upstream);
                Connections++;
            }
            _ = PipeAsync(client, upstream);
            _ = PipeAsync(upstream, client);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Cut by Drop, or the other side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Drop();
        await _accepting;
    }
}
