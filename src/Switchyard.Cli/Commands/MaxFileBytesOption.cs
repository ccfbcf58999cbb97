using System.CommandLine;
using System.Globalization;
using Switchyard.Loading;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>--max-file-bytes</c>, shared by every command that reads config files: the largest one
/// file may be (<see cref="LoadOptions.MaxFileBytes"/>, 64 MiB by default). A number of bytes,
/// or with a Kubernetes binary suffix (<c>512Ki</c>, <c>128Mi</c>, <c>1Gi</c>).
/// </summary>
internal static class MaxFileBytesOption
{
    public static Option<string> Create() => new("--max-file-bytes")
    {
        Description = "Largest config file read, in bytes (or with Ki, Mi, Gi); a larger file is an error naming it and the limit. Default: 64Mi.",
        DefaultValueFactory = _ => "64Mi",
    };

    /// <summary>The limit in bytes, or null and a one-line error.</summary>
    public static long? Parse(string text, out string? error)
    {
        error = null;
        var (digits, unit) = text.EndsWith("Ki", StringComparison.Ordinal) ? (text[..^2], 1024L)
            : text.EndsWith("Mi", StringComparison.Ordinal) ? (text[..^2], 1024L * 1024)
            : text.EndsWith("Gi", StringComparison.Ordinal) ? (text[..^2], 1024L * 1024 * 1024)
            : (text, 1L);
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= long.MaxValue / unit)
            return n * unit;
        error = $"--max-file-bytes \"{text}\": give a positive number of bytes, optionally with Ki, Mi or Gi (e.g. 128Mi)";
        return null;
    }
}
