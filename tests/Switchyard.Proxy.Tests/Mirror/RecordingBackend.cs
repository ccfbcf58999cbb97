using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Tests.Mirror;

public sealed record RecordedRequest(string Host, string Method, string PathAndQuery, string Body, string? TestHeader);

/// <summary>A mirror target that records every request on arrival; when blocking, it answers
/// nobody until disposed (a mirror that never answers).</summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingBackend(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Received { get; } = new();

    public int Port { get; private set; }

    /// <summary>Requests answered so far (a blocking backend answers none).</summary>
    public int Answered => _answered;

    private int _answered;

    public static async Task<RecordingBackend> StartAsync(bool block = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var self = new RecordingBackend(app);
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var r = context.Request;
            self.Received.Enqueue(new RecordedRequest(r.Host.Value ?? "", r.Method, r.Path + r.QueryString, body, r.Headers["x-test"].FirstOrDefault()));
            if (block) await self._release.Task;
            Interlocked.Increment(ref self._answered);
            await context.Response.WriteAsync("mirror");
        });
        await app.StartAsync();
        self.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
