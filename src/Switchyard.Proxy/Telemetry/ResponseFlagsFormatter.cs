using System.Numerics;
using System.Text;

namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// %RESPONSE_FLAGS% as Envoy prints it (ResponseFlagUtils::toShortString,
/// source/common/stream_info/utility.cc): the short name of each set flag in Envoy's order
/// (ALL_RESPONSE_STRINGS_FLAGS, which is the enum's bit order), joined with commas; "-" for none.
/// One flag, the common case, costs no allocation.
/// </summary>
public static class ResponseFlagsFormatter
{
    public const string None = "-";

    /// <summary>Short names by bit position (Envoy's ALL_RESPONSE_STRINGS_FLAGS order).</summary>
    private static readonly string[] ShortNames =
    [
        "LH", "UH", "UT", "LR", "UR", "UF", "UC", "UO", "NR", "DI", "FI", "RL", "UAEX", "RLSE", "DC", "URX",
        "SI", "IH", "DPE", "UMSDR", "RFCF", "NFCF", "DT", "UPE", "NC", "OM", "DF", "DO", "DR", "UDO",
    ];

    public static string Format(ResponseFlags flags)
    {
        var bits = (uint)flags;
        if (bits == 0) return None;
        if (BitOperations.IsPow2(bits)) return ShortNames[BitOperations.TrailingZeroCount(bits)];
        var text = new StringBuilder(16);
        while (bits != 0)
        {
            var bit = BitOperations.TrailingZeroCount(bits);
            if (text.Length > 0) text.Append(',');
            text.Append(ShortNames[bit]);
            bits &= bits - 1;
        }
        return text.ToString();
    }

    /// <summary>The same text, as an extension for readers of <see cref="RequestOutcome.Flags"/>.</summary>
    public static string ToEnvoyString(this ResponseFlags flags) => Format(flags);
}
