using System.Net;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// The upstream attempt loop, under YARP's forwarder: the forwarder builds the request and copies
/// whatever response this returns, so pool admission, the choice of endpoint on a retry, per-try
/// and route timeouts, outlier reporting and retries all happen here, before the client sees a
/// byte. A failure before response headers becomes Envoy's local reply (503 UF/UC) instead of
/// YARP's 502.
/// </summary>
public sealed class AttemptHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ProxyContext.OptionsKey, out var ctx) || ctx.Upstream is null)
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // [timeouts] route timeout over all attempts

        ctx.Attempts++;
        if (await PoolAdmission.ApplyAsync(ctx, request, cancellationToken).ConfigureAwait(false) is { } overflow) return overflow;

        HttpResponseMessage? response = null;
        UpstreamFailureKind? failure = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = UpstreamFailure.Classify(e);
        }
        ctx.Cluster?.Outlier?.Report(ctx.Upstream, response, failure);

        // [retries] decide, pick another endpoint, replay the body

        if (response is not null) return response;
        var kind = failure!.Value;
        var flag = kind == UpstreamFailureKind.ConnectFailure ? ResponseFlags.UpstreamConnectionFailure : ResponseFlags.UpstreamConnectionTermination;
        return LocalReply.ToMessage(ctx, HttpStatusCode.ServiceUnavailable, flag, LocalReply.ResetBeforeHeaders + UpstreamFailure.Reason(kind));
    }
}
