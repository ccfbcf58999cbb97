namespace Switchyard.Diagnostics;

/// <summary>istioctl's message levels, in increasing order (the order thresholds compare).</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
