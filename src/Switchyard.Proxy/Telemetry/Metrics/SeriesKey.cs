using System.Runtime.CompilerServices;
using Switchyard.Registry;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>What tells one request's series from another's within a destination cluster: the
/// endpoint as the snapshot describes it (its labels give <c>destination_version</c>; a reload
/// that relabels it makes a new record, so a new series; one that keeps it keeps the record), the
/// response code, the response flags and the gRPC status (-1 for a request that is not gRPC).
/// Compared by reference and value: finding a series allocates nothing and hashes no string.</summary>
public readonly struct SeriesKey(Endpoint? endpoint, int status, ResponseFlags flags, int grpcStatus) : IEquatable<SeriesKey>
{
    public Endpoint? Endpoint { get; } = endpoint;
    public int Status { get; } = status;
    public ResponseFlags Flags { get; } = flags;
    public int GrpcStatus { get; } = grpcStatus;

    public bool Equals(SeriesKey other) =>
        ReferenceEquals(Endpoint, other.Endpoint) && Status == other.Status && Flags == other.Flags && GrpcStatus == other.GrpcStatus;

    public override bool Equals(object? obj) => obj is SeriesKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Endpoint), Status, (uint)Flags, GrpcStatus);
}
