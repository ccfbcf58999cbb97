using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>A real Kestrel backend that holds every request until <c>expected</c> requests are
/// in flight at once, then answers them all: requests that are not truly concurrent never get an
/// answer, so a test can prove concurrency without measuring time.</summary>
public sealed class GatedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _expected;
    private int _arrived;

    private GatedBackend(WebApplication app, int expected)
    {
        _app = app;
        _expected = expected;
    }

    public int Port { get; private set; }

    public static async Task<GatedBackend> StartAsync(int expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var backend = new GatedBackend(app, expected);
        app.Run(async context =>
        {
            if (Interlocked.Increment(ref backend._arrived) >= backend._expected) backend._allArrived.TrySetResult();
            await backend._allArrived.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync($"released {context.Request.Path}");
        });
        await app.StartAsync();
        backend.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
