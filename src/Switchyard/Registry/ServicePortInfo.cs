namespace Switchyard.Registry;

/// <summary>A port of a mesh service: the number clients address, its name and protocol, and the
/// port endpoints listen on when the endpoint does not say (Service targetPort).</summary>
public sealed record ServicePortInfo(uint Number, string? Name, string? Protocol, string? TargetPort);
