using System.Text.Json.Serialization;

namespace Switchyard.Proxy.KubeApi;

/// <summary>Source-generated JSON for the few plain values the API serializes (NativeAOT-safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
