using System.Text;
using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.DirectResponse;

/// <summary>
/// A rule's <c>directResponse</c> as Envoy's DirectResponseAction: the status and the body
/// (body.string as UTF-8, body.bytes decoded from base64 as protobuf JSON writes bytes), encoded
/// once here so the request path only copies bytes.
/// </summary>
public sealed record DirectResponsePolicy(int Status, ReadOnlyMemory<byte> Body)
{
    public static DirectResponsePolicy? Compile(HTTPDirectResponse? response)
    {
        if (response is null) return null;
        var body = response.Body switch
        {
            { String: { } s } => Encoding.UTF8.GetBytes(s),
            { Bytes: { } b } => DecodeBase64(b),
            _ => [],
        };
        return new DirectResponsePolicy((int)(response.Status ?? 200), body);
    }

    /// <summary>protojson accepts standard and URL-safe base64, padded or not.</summary>
    private static byte[] DecodeBase64(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        var buffer = new byte[s.Length / 4 * 3];
        return Convert.TryFromBase64String(s, buffer, out var written) ? buffer[..written] : [];
    }
}
