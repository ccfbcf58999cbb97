using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>
/// A real Kestrel backend for pool tests: it records each request's connection id and protocol,
/// and, while held, keeps every request waiting until <see cref="Release"/> (so a test can fill
/// the pool deterministically, without timing).
/// </summary>
public sealed class ScriptedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    private ScriptedBackend(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>Requests that reached the backend (held or not).</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public ConcurrentQueue<string> ConnectionIds { get; } = new();

    public static async Task<ScriptedBackend> StartAsync(bool held = false, HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = protocols));
        var app = builder.Build();
        var self = new ScriptedBackend(app);
        if (!held) self._gate.SetResult();
        app.Run(async context =>
        {
            self.ConnectionIds.Enqueue(context.Connection.Id);
            Interlocked.Increment(ref self._arrived);
            await Volatile.Read(ref self._gate).Task;
            await context.Response.WriteAsync(context.Request.Protocol);
        });
        await app.StartAsync();
        self.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return self;
    }

    /// <summary>Lets every waiting and future request through.</summary>
    public void Release() => Volatile.Read(ref _gate).TrySetResult();

    /// <summary>Holds requests again from now on.</summary>
    public void Hold() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
