using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Translation.Policies.Faults;

/// <summary>
/// A rule's <c>fault</c>, as pilot's TranslateFault hands it to Envoy's fault filter. An unset
/// percentage is 0%, not 100%: Envoy's FractionalPercent defaults to 0 and Istio passes nothing,
/// so a fault without a percentage never fires (istio/istio#36303; Istio changed its docs to
/// match). The deprecated integer <c>delay.percent</c> is used when <c>percentage</c> is unset.
/// Exponential delays and http2Error aborts are dropped, as Istio drops them.
/// </summary>
public sealed record FaultPolicy(FaultDelayPolicy? Delay, FaultAbortPolicy? Abort)
{
    /// <summary>The compiled fault, or null when nothing in it can ever fire (no cost on the request path).</summary>
    public static FaultPolicy? Compile(HTTPFaultInjection? fault)
    {
        if (fault is null) return null;
        var delay = CompileDelay(fault.Delay);
        var abort = CompileAbort(fault.Abort);
        return delay is null && abort is null ? null : new FaultPolicy(delay, abort);
    }

    private static FaultDelayPolicy? CompileDelay(FaultDelay? delay)
    {
        if (delay?.FixedDelay is not { } fixedDelay) return null;
        var share = delay.Percentage is { } p ? FractionPerMillion.FromPercent(p.Value ?? 0)
            : FractionPerMillion.FromPercent(delay.Percent ?? 0);
        return share.IsNone ? null : new FaultDelayPolicy(fixedDelay.ToTimeSpan(), share);
    }

    private static FaultAbortPolicy? CompileAbort(FaultAbort? abort)
    {
        if (abort is null) return null;
        var share = FractionPerMillion.FromPercent(abort.Percentage?.Value ?? 0);
        if (share.IsNone) return null;
        if (abort.HttpStatus is { } status) return new FaultAbortPolicy(status, null, share);
        if (abort.GrpcStatus is { } name && GrpcCode(name) is { } code) return new FaultAbortPolicy(200, code, share);
        return null;
    }

    private static int? GrpcCode(string name)
    {
        var names = GrpcCodes.Names;
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return null;
    }
}
