using Switchyard.Model;

namespace Switchyard.Validation.Rules;

/// <summary>Istio's duration rules (<c>ValidateDuration</c> in pkg/config/validation/agent).</summary>
public static class Durations
{
    /// <summary>At least 1ms and a whole number of milliseconds (Envoy keeps ms precision).</summary>
    public static string? CheckDuration(Duration duration)
    {
        if (duration.Nanoseconds < Duration.NanosPerMillisecond) return "duration must be greater than 1ms";
        if (duration.Nanoseconds % Duration.NanosPerMillisecond != 0) return "only durations to ms precision are supported";
        return null;
    }

    /// <summary>As <see cref="CheckDuration"/>, but <c>0s</c> passes: it means "disabled" (tcp idleTimeout).</summary>
    public static string? CheckDurationAllowZero(Duration duration) =>
        duration.Nanoseconds == 0 ? null : CheckDuration(duration);

    /// <summary>
    /// CORS maxAge: Istio rejects a positive sub-second part (<c>MaxAge.Nanos &gt; 0</c>). Use together with
    /// <see cref="CheckDuration"/>; Istio reports both when both fail.
    /// </summary>
    public static string? CheckWholeSeconds(Duration duration) =>
        duration.Nanoseconds % Duration.NanosPerSecond > 0
            ? "max_age duration is accurate only to seconds precision"
            : null;
}
