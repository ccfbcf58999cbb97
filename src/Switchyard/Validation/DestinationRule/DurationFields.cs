using Switchyard.Model;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// Reports Istio's duration rule (>= 1ms, whole milliseconds) on an optional field: an unset
/// duration is never checked, as in Istio where each check sits behind <c>if x != nil</c>.
/// </summary>
internal static class DurationFields
{
    public static void Check(Duration? value, string path, ValidationContext ctx)
    {
        if (value is { } d) ctx.ErrorIf(path, Durations.CheckDuration(d));
    }

    /// <summary>The same rule, except that 0s is allowed (it means "disabled").</summary>
    public static void CheckAllowZero(Duration? value, string path, ValidationContext ctx)
    {
        if (value is { } d) ctx.ErrorIf(path, Durations.CheckDurationAllowZero(d));
    }
}
