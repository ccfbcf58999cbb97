using System.Net;
using System.Text;
using Switchyard.Proxy.Retries;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>Request bodies are kept for a retry up to Envoy's 1 MiB buffer; beyond it the request
/// is sent once and not retried.</summary>
public sealed class RequestBodyReplayTests
{
    private static Task<ScriptedBackend> FailsOnceWith503() =>
        ScriptedBackend.StartAsync("flaky", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200));

    [Fact]
    public async Task A_body_under_the_limit_is_sent_again_on_the_retry()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await FailsOnceWith503()]);
        var text = new string('x', 100_000) + "end";
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Post, content: new StringContent(text, Encoding.UTF8));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([text, text], h.Backends[0].Bodies.ToArray());
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_sent_again_on_the_retry()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await FailsOnceWith503()]);
        var text = string.Concat(Enumerable.Repeat("chunk-", 5000));
        var content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(text)));
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Post, content: content);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([text, text], h.Backends[0].Bodies.ToArray());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_not_retried()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await FailsOnceWith503()]);
        var text = new string('y', RetryStart.BufferLimit + 1);
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Post, content: new StringContent(text, Encoding.ASCII));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("-", outcome.Flags.ToEnvoyString()); // retries were off, not exhausted
        Assert.Equal(text.Length, Assert.Single(h.Backends[0].Bodies).Length);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_sent_whole_and_not_retried()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await FailsOnceWith503()]);
        var text = new string('z', RetryStart.BufferLimit + 10);
        var content = new StreamContent(new NoLengthStream(Encoding.ASCII.GetBytes(text)));
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Post, content: content);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(text.Length, Assert.Single(h.Backends[0].Bodies).Length);
    }

    /// <summary>A readable stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
