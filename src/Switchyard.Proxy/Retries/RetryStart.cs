using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Timeouts;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// What the attempt loop needs before the first attempt when the route may retry: how many
/// retries it has, a request body that can be sent again, and the retriable header names an
/// internal client asked for. A request without a body is not touched; a body declared larger
/// than the buffer limit turns retries off, as Envoy does when its retry buffer overflows.
/// </summary>
public static class RetryStart
{
    /// <summary>Envoy's default per-connection buffer limit (1 MiB), which Istio's sidecar
    /// listeners keep: the most of a request body kept for a retry.</summary>
    public const int BufferLimit = 1024 * 1024;

    /// <summary>Retries this request may make (0 = none).</summary>
    public static int Prepare(RetryPolicy? policy, ProxyContext ctx, HttpRequestMessage request, int bufferLimit = BufferLimit)
    {
        if (policy is null || policy.NumRetries <= 0) return 0;
        if ((policy.RetryOn & RetryOn.RetriableHeaders) != 0) KeepRetriableHeaderNames(ctx, request);
        var content = request.Content;
        if (content is null) return policy.NumRetries;
        if (content.Headers.ContentLength > bufferLimit) return 0;
        var replayable = new ReplayableContent(content, bufferLimit);
        request.Content = replayable;
        // The proxy returns its pooled buffer when the request ends.
        ctx.RetryBody = replayable;
        return policy.NumRetries;
    }

    // x-envoy-retriable-header-names is one of the x-envoy-* headers Envoy honors only from
    // internal callers (see AttemptTimeouts); it does not go upstream.
    private static void KeepRetriableHeaderNames(ProxyContext ctx, HttpRequestMessage request)
    {
        if (!ctx.Http.Request.Headers.TryGetValue(RetryDecision.RetriableHeaderNames, out var value)) return;
        request.Headers.Remove(RetryDecision.RetriableHeaderNames);
        if (!AttemptTimeouts.IsInternal(ctx)) return;
        var names = new List<string>();
        foreach (var line in value)
            foreach (var name in (line ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                names.Add(name);
        if (names.Count > 0) request.Options.Set(RetryDecision.RetriableHeaderNamesKey, [.. names]);
    }
}
