using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>The consistent-hash key of a request, for clusters whose loadBalancer asks for one;
/// when Envoy generates the hash cookie, it is set on the response.</summary>
public static class HashKeyStep
{
    public static ulong? Compute(ProxyContext ctx, IRandomSource random)
    {
        if (ctx.Cluster?.Spec.Policy.LoadBalancer.ConsistentHash is not { } hash) return null;
        var http = ctx.Http;
        var key = ConsistentHashKey.Compute(hash, ctx.View.GetHeader, ctx.View.Query, hash.UseSourceIp == true ? ctx.View.ClientAddress : null, random, out var setCookie);
        // OnStarting runs after the upstream headers are copied, so the cookie is not overwritten.
        if (setCookie is not null)
            http.Response.OnStarting(() => { http.Response.Headers.Append("set-cookie", setCookie); return Task.CompletedTask; });
        return key;
    }
}
