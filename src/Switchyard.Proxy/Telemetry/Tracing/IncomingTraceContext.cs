using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Telemetry.Tracing;

/// <summary>The trace a request belongs to, from the headers Istio asks applications to pass on:
/// W3C <c>traceparent</c>/<c>tracestate</c> first, then B3 (<c>x-b3-traceid</c>,
/// <c>x-b3-spanid</c>, <c>x-b3-sampled</c>, or the single <c>b3</c> header). The proxy forwards
/// these headers unchanged; it only reads them.</summary>
public static class IncomingTraceContext
{
    public static bool TryParse(IHeaderDictionary headers, out ActivityContext context)
    {
        var traceparent = headers["traceparent"];
        if (traceparent.Count == 1 && ActivityContext.TryParse(traceparent[0], headers["tracestate"].ToString(), isRemote: true, out context)) return true;
        var b3 = headers["b3"];
        if (b3.Count == 1 && b3[0]!.Split('-') is [var t, var s, ..] parts && TryB3(t, s, parts.Length > 2 ? parts[2] : null, out context)) return true;
        var traceId = headers["x-b3-traceid"];
        if (traceId.Count == 1 && TryB3(traceId[0]!, headers["x-b3-spanid"].ToString(), headers["x-b3-sampled"].ToString(), out context)) return true;
        context = default;
        return false;
    }

    /// <summary>The request's trace id (32 hex digits) for the access log; null when it carries none.</summary>
    public static string? TraceIdOf(IHeaderDictionary headers) => TryParse(headers, out var c) ? c.TraceId.ToHexString() : null;

    // B3 trace ids are 16 or 32 hex digits; a 64-bit one is the low half of a W3C id.
    private static bool TryB3(string traceId, string spanId, string? sampled, out ActivityContext context)
    {
        context = default;
        if (traceId.Length is not (16 or 32) || spanId.Length != 16 || !IsHex(traceId) || !IsHex(spanId)) return false;
        var flags = sampled is "1" or "d" or "true" ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None;
        context = new ActivityContext(ActivityTraceId.CreateFromString(traceId.PadLeft(32, '0')), ActivitySpanId.CreateFromString(spanId), flags, isRemote: true);
        return true;
    }

    private static bool IsHex(string s) => s.All(char.IsAsciiHexDigit);
}
