using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Switchyard.Translation.Policies.Headers;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Headers;

/// <summary>
/// Applies a route's header operations as Envoy does: the picked weighted destination's parser
/// (and its host rewrite) first, then the route's, so on the same name the route's set wins;
/// each parser removes, then overwrites, then appends. Response operations apply to the
/// upstream's answer (and to answers the attempt loop makes, which Envoy's router also finalizes).
/// </summary>
public static class HeadersStep
{
    public static void ApplyToRequest(HeadersPolicy policy, WeightedCluster? destination, HttpRequestMessage request)
    {
        if (destination?.Headers is { } own)
        {
            if (own.Request is { } ops) Apply(ops, request);
            if (own.Authority is { } authority) request.Headers.Host = authority;
        }
        if (policy.Request is { } route) Apply(route, request);
    }

    public static void ApplyToResponse(HeadersPolicy policy, WeightedCluster? destination, IHeaderDictionary response)
    {
        if (destination?.Headers?.Response is { } own) Apply(own, response);
        if (policy.Response is { } route) Apply(route, response);
    }

    private static void Apply(HeaderMutation ops, HttpRequestMessage request)
    {
        foreach (var name in ops.Remove)
        {
            request.Headers.Remove(name);
            request.Content?.Headers.Remove(name);
        }
        foreach (var (name, value) in ops.Set)
        {
            request.Headers.Remove(name);
            request.Content?.Headers.Remove(name);
            Add(request, name, value);
        }
        foreach (var (name, value) in ops.Append) Add(request, name, value);
    }

    // Content headers (content-type, ...) can only live on the content; with no body they are dropped.
    private static void Add(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
    }

    private static void Apply(HeaderMutation ops, IHeaderDictionary response)
    {
        foreach (var name in ops.Remove) response.Remove(name);
        foreach (var (name, value) in ops.Set) response[name] = value;
        foreach (var (name, value) in ops.Append) response.Append(name, value);
    }
}
