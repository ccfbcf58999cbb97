using System.Text.Json.Serialization;
using Switchyard.Model.Networking;
using Switchyard.Translation.Clusters;

namespace Switchyard.Translation;

/// <summary>
/// Source-generated JSON metadata for the records <see cref="SnapshotJson"/> writes as their YAML
/// fields (camelCase, nulls left out, enums by name, durations as Istio prints them). Generated
/// rather than reflected so the admin config dump also works in a NativeAOT build.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(DurationJsonConverter), typeof(TimeSpanJsonConverter)])]
[JsonSerializable(typeof(IReadOnlyList<HTTPMatchRequest?>))]
[JsonSerializable(typeof(ClusterPolicy))]
[JsonSerializable(typeof(HTTPRoute))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class SnapshotRecordJson : JsonSerializerContext;
