using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Mirror;

public sealed record RecordedRequest(string Host, string Method, string PathAndQuery, string Body, string? TestHeader);

/// <summary>A mirror target that records every request on arrival; when blocking, it answers
/// nobody until disposed (a mirror that never answers).</summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _block;
    private LoopbackKestrel _server = null!;
    private int _answered;

    private RecordingBackend(bool block) => _block = block;

    public ConcurrentQueue<RecordedRequest> Received { get; } = new();

    public int Port => _server.Port;

    /// <summary>Requests answered so far (a blocking backend answers none).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static async Task<RecordingBackend> StartAsync(bool block = false)
    {
        var self = new RecordingBackend(block);
        self._server = await LoopbackKestrel.StartAsync(self.HandleAsync);
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var r = context.Request;
        Received.Enqueue(new RecordedRequest(r.Host.Value ?? "", r.Method, r.Path + r.QueryString, body, r.Headers["x-test"].FirstOrDefault()));
        if (_block) await _release.Task;
        Interlocked.Increment(ref _answered);
        await context.Response.WriteAsync("mirror");
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        if (_server is not null) await _server.DisposeAsync();
    }
}
