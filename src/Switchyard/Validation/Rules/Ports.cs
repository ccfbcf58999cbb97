namespace Switchyard.Validation.Rules;

/// <summary>Istio's <c>ValidatePort</c> (pkg/config/validation/agent), used for every port field.</summary>
public static class Ports
{
    public static bool IsValid(long port) => port is >= 1 and <= 65535;

    public static string? CheckPort(long port) =>
        IsValid(port) ? null : $"port number {port} must be in the range 1..65535";
}
