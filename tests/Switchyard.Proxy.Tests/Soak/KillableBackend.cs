using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>
/// A real Kestrel backend that can die as a crashed process does and come back on the same port:
/// <see cref="KillAsync"/> stops it with an already-cancelled token, so Kestrel closes its
/// listener and aborts every connection, requests in flight included, instead of draining them.
/// <see cref="Hold"/> parks the next requests in the handler, so a test knows some are in flight
/// when it kills. Answers its name as the body's first line.
/// </summary>
public sealed class KillableBackend : IAsyncDisposable
{
    private WebApplication? _app;
    private volatile TaskCompletionSource? _hold;
    private int _served;
    private int _held;

    private KillableBackend(string name) => Name = name;

    public string Name { get; }

    public int Port { get; private set; }

    /// <summary>Requests answered, over every life.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Requests parked by <see cref="Hold"/> in this life.</summary>
    public int Held => Volatile.Read(ref _held);

    public static async Task<KillableBackend> StartAsync(string name)
    {
        var b = new KillableBackend(name);
        await b.ListenAsync(0);
        return b;
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_hold is { } hold)
        {
            Interlocked.Increment(ref _held);
            await hold.Task.WaitAsync(context.RequestAborted);
        }
        Interlocked.Increment(ref _served);
        await context.Response.WriteAsync(Name + "\n");
    }

    /// <summary>From now on, requests wait in the handler until the backend dies.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task KillAsync()
    {
        var app = _app!;
        _app = null;
        await app.StopAsync(new CancellationToken(canceled: true));
        await app.DisposeAsync();
        _hold = null;
        Interlocked.Exchange(ref _held, 0);
    }

    /// <summary>A new life on the same port.</summary>
    public Task RestartAsync() => ListenAsync(Port);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await KillAsync();
    }
}
