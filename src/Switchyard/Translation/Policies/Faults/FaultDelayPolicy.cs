namespace Switchyard.Translation.Policies.Faults;

/// <summary>Envoy's fault delay: hold the request for <see cref="Delay"/>, on <see cref="Share"/> of requests, then go on.</summary>
public sealed record FaultDelayPolicy(TimeSpan Delay, FractionPerMillion Share);
