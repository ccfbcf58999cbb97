using System.Globalization;

namespace Switchyard.Proxy.KubeApi;

/// <summary>The AGE column as Kubernetes prints it (apimachinery's duration.HumanDuration): 45s, 3m12s, 5h, 12d.</summary>
internal static class Age
{
    public static string Since(string? timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return "<unknown>";
        var d = now - at;
        if (d.TotalSeconds < -1) return "<invalid>";
        if (d.TotalSeconds < 0) return "0s";
        var s = (long)d.TotalSeconds;
        if (s < 120) return $"{s}s";
        var m = s / 60;
        if (m < 10) return s % 60 == 0 ? $"{m}m" : $"{m}m{s % 60}s";
        if (m < 180) return $"{m}m";
        var h = m / 60;
        if (h < 8) return m % 60 == 0 ? $"{h}h" : $"{h}h{m % 60}m";
        if (h < 48) return $"{h}h";
        if (h < 24 * 8) return h % 24 == 0 ? $"{h / 24}d" : $"{h / 24}d{h % 24}h";
        if (h < 24 * 365 * 2) return $"{h / 24}d";
        return $"{h / 24 / 365}y";
    }
}
