namespace Switchyard.Translation.Policies.Faults;

/// <summary>
/// Envoy's fault abort: answer locally with <see cref="HttpStatus"/> on <see cref="Share"/> of
/// requests. With a gRPC status, Envoy's fault filter answers HTTP 200 and the gRPC status
/// (FaultFilter::abortStatus: "If gRPC status code is set, then HTTP will be set to 200").
/// </summary>
public sealed record FaultAbortPolicy(int HttpStatus, int? GrpcStatus, FractionPerMillion Share);
