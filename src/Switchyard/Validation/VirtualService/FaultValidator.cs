using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>fault</c>: at least one of delay and abort; an abort's error type (HTTP status in
/// 200..600, a gRPC code name; HTTP/2 errors are not supported); a delay's fixed duration
/// (exponential delays are not supported); both percentages. Istio's validateHTTPFaultInjection.
/// </summary>
internal static class FaultValidator
{
    public static void Validate(HTTPFaultInjection? fault, string path, ValidationContext ctx)
    {
        if (fault is null) return;
        if (fault.Abort is null && fault.Delay is null)
            ctx.Error(path, "HTTP fault injection must have an abort and/or a delay", "add abort, delay or both");
        if (fault.Abort is { } abort) ValidateAbort(abort, path + ".abort", ctx);
        if (fault.Delay is { } delay) ValidateDelay(delay, path + ".delay", ctx);
    }

    private static void ValidateAbort(FaultAbort abort, string path, ValidationContext ctx)
    {
        ValidatePercentage(abort.Percentage, path + ".percentage", ctx);
        if (abort.HttpStatus is { } status)
        {
            ctx.ErrorIf(path + ".httpStatus", HttpStatusRange.Check(status));
        }
        else if (abort.GrpcStatus is { } grpc)
        {
            ctx.ErrorIf(path + ".grpcStatus", GrpcCodes.CheckGrpcStatus(grpc));
        }
        else if (abort.Http2Error is not null)
        {
            ctx.Error(path + ".http2Error", "HTTP/2 abort fault injection not supported yet", "use httpStatus or grpcStatus");
        }
        else
        {
            ctx.Warning(path, "abort configured, but error type not set", "set httpStatus or grpcStatus");
        }
    }

    private static void ValidateDelay(FaultDelay delay, string path, ValidationContext ctx)
    {
        ValidatePercentage(delay.Percentage, path + ".percentage", ctx);
        if (delay.FixedDelay is { } fixedDelay)
        {
            ctx.ErrorIf(path + ".fixedDelay", Durations.CheckDuration(fixedDelay));
        }
        else if (delay.ExponentialDelay is { } exponential)
        {
            ctx.ErrorIf(path + ".exponentialDelay", Durations.CheckDuration(exponential));
            ctx.Error(path + ".exponentialDelay", "exponentialDelay not supported yet", "use fixedDelay");
        }
    }

    private static void ValidatePercentage(Percent? percentage, string path, ValidationContext ctx)
    {
        if (percentage is null) return;
        ctx.ErrorIf(path + ".value", Percentages.CheckFaultPercent(percentage.Value ?? 0));
    }
}
