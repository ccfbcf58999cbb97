namespace Switchyard.Validation.Rules;

/// <summary>The gRPC status names a fault abort's <c>grpcStatus</c> may use (Istio's <c>grpc.SupportedGRPCStatus</c>).</summary>
public static class GrpcCodes
{
    /// <summary>Indexed by numeric code: <c>Names[14]</c> is <c>UNAVAILABLE</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>Exact, case-sensitive name match, as Istio's map lookup.</summary>
    public static bool IsKnownGrpcStatus(string name)
    {
        foreach (var n in Names)
            if (string.Equals(n, name, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Istio's <c>validateGRPCStatus</c> message.</summary>
    public static string? CheckGrpcStatus(string name) =>
        IsKnownGrpcStatus(name)
            ? null
            : $"gRPC status {GoText.Quote(name)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md " +
              "for a list of supported codes, for example 'NOT_FOUND'";
}
