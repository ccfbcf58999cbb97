using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Time.Testing;
using Switchyard.Proxy.Hosting;

namespace Switchyard.Proxy.Tests.Protocols;

/// <summary>The preface sniffer on its own, over a real pipe, where a test controls how the
/// client's bytes arrive: split prefaces, a request that starts like the preface, silence.</summary>
public class Http2PriorKnowledgeSelectorTests
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    // An empty SETTINGS frame: what a client sends right after the preface.
    private static readonly byte[] EmptySettings = [0, 0, 0, 4, 0, 0, 0, 0, 0];

    [Fact]
    public async Task Preface_split_across_reads_selects_h2_and_leaves_every_byte_to_Kestrel()
    {
        var connection = new TestConnection();
        await connection.ClientWritesAsync(Preface.AsMemory(0, 10));
        var running = connection.RunSelectorAsync();
        // Ten bytes that agree with the preface cannot decide the protocol.
        Assert.False(connection.Handed.Task.IsCompleted);

        await connection.ClientWritesAsync(Preface.AsMemory(10));
        await connection.ClientWritesAsync(EmptySettings);
        var handed = await connection.Handed.Task.WaitAsync(TestContext.Current.CancellationToken);
        await running.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal("h2"u8.ToArray(), handed.Features.Get<ITlsApplicationProtocolFeature>()!.ApplicationProtocol.ToArray());
        Assert.NotNull(handed.Features.Get<ITlsConnectionFeature>());
        byte[] sent = [.. Preface, .. EmptySettings];
        Assert.Equal(sent, await connection.ServerReadsAsync(sent.Length));
    }

    [Fact]
    public async Task Request_that_starts_like_the_preface_goes_to_HTTP_1_1_with_every_byte_intact()
    {
        var request = "POST / HTTP/1.1\r\nHost: frontend\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
        var connection = new TestConnection();
        await connection.ClientWritesAsync(request.AsMemory(0, 1));
        var running = connection.RunSelectorAsync();
        Assert.False(connection.Handed.Task.IsCompleted);

        await connection.ClientWritesAsync(request.AsMemory(1));
        var handed = await connection.Handed.Task.WaitAsync(TestContext.Current.CancellationToken);
        await running.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Null(handed.Features.Get<ITlsApplicationProtocolFeature>());
        Assert.Null(handed.Features.Get<ITlsConnectionFeature>());
        // Kestrel's first read returns the whole request at once: nothing consumed, and nothing
        // marked examined that would make it wait for bytes the client will never send.
        Assert.Equal(request, await connection.ServerReadsAsync(request.Length));
    }

    [Fact]
    public async Task Ordinary_HTTP_1_1_request_is_handed_over_at_once()
    {
        var request = "GET / HTTP/1.1\r\nHost: frontend\r\n\r\n"u8.ToArray();
        var connection = new TestConnection();
        await connection.ClientWritesAsync(request);
        await connection.RunSelectorAsync().WaitAsync(TestContext.Current.CancellationToken);

        var handed = await connection.Handed.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Null(handed.Features.Get<ITlsApplicationProtocolFeature>());
        Assert.Equal(request, await connection.ServerReadsAsync(request.Length));
    }

    [Fact]
    public async Task Silent_connection_is_closed_on_server_shutdown_without_reaching_HTTP()
    {
        var connection = new TestConnection();
        // Kestrel's "no keep-alive timeout": only shutdown can end the wait.
        var running = connection.RunSelectorAsync(firstBytesTimeout: TimeSpan.MaxValue);
        Assert.False(running.IsCompleted);

        connection.Lifetime.RequestClose();
        await running.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(connection.Handed.Task.IsCompleted);
    }

    [Fact]
    public async Task Silent_connection_is_closed_after_the_keep_alive_timeout_without_reaching_HTTP()
    {
        var time = new FakeTimeProvider();
        var connection = new TestConnection(time);
        // The client never sends a byte, so only the timeout can end the wait. The selector arms
        // its timer before its first await, so the clock may move as soon as it returns.
        var running = connection.RunSelectorAsync(firstBytesTimeout: TimeSpan.FromSeconds(130));
        time.Advance(TimeSpan.FromSeconds(129));
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await running.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(connection.Handed.Task.IsCompleted);
    }

    [Fact]
    public async Task Client_that_closes_after_part_of_the_preface_is_left_to_HTTP_1_1()
    {
        var connection = new TestConnection();
        await connection.ClientWritesAsync(Preface.AsMemory(0, 5));
        await connection.ClientCompletesAsync();
        await connection.RunSelectorAsync().WaitAsync(TestContext.Current.CancellationToken);

        var handed = await connection.Handed.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Null(handed.Features.Get<ITlsApplicationProtocolFeature>());
    }

    /// <summary>A connection over real pipes: the client's side writes into the transport's input;
    /// the "next" middleware records the connection it was handed.</summary>
    private sealed class TestConnection
    {
        private readonly Pipe _fromClient = new();
        private readonly Pipe _toClient = new();
        private readonly DefaultConnectionContext _context;

        private readonly TimeProvider _time;

        public TestConnection(TimeProvider? time = null)
        {
            _time = time ?? TimeProvider.System;
            _context = new DefaultConnectionContext("test", new DuplexPipe(_fromClient.Reader, _toClient.Writer), new DuplexPipe(_toClient.Reader, _fromClient.Writer));
            _context.Features.Set<IConnectionLifetimeNotificationFeature>(Lifetime);
        }

        public LifetimeNotification Lifetime { get; } = new();

        public TaskCompletionSource<ConnectionContext> Handed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RunSelectorAsync(TimeSpan? firstBytesTimeout = null)
        {
            var selector = new Http2PriorKnowledgeSelector(
                c => { Handed.TrySetResult(c); return Task.CompletedTask; },
                firstBytesTimeout ?? TimeSpan.FromMinutes(5),
                _time);
            return selector.OnConnectionAsync(_context);
        }

        public async Task ClientWritesAsync(ReadOnlyMemory<byte> bytes) => await _fromClient.Writer.WriteAsync(bytes);

        public async Task ClientCompletesAsync() => await _fromClient.Writer.CompleteAsync();

        /// <summary>Reads as Kestrel would after the hand-over and returns the first
        /// <paramref name="count"/> bytes. The bytes are already in the pipe, so a correct
        /// selector lets this read return at once; one that left them marked as examined makes it
        /// wait for bytes that never come, which the generous bound turns into a failure.</summary>
        public async Task<byte[]> ServerReadsAsync(int count)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            bound.CancelAfter(TimeSpan.FromSeconds(30));
            var result = await _context.Transport.Input.ReadAsync(bound.Token);
            Assert.True(result.Buffer.Length >= count, $"only {result.Buffer.Length} of {count} bytes readable");
            var bytes = result.Buffer.Slice(0, count).ToArray();
            _context.Transport.Input.AdvanceTo(result.Buffer.GetPosition(count));
            return bytes;
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    private sealed class LifetimeNotification : IConnectionLifetimeNotificationFeature
    {
        private readonly CancellationTokenSource _closing = new();

        public CancellationToken ConnectionClosedRequested
        {
            get => _closing.Token;
            set => throw new NotSupportedException();
        }

        public void RequestClose() => _closing.Cancel();
    }
}
