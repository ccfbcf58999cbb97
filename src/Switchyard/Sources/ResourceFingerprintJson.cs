using System.Text.Json.Serialization;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;

namespace Switchyard.Sources;

/// <summary>
/// Source-generated JSON metadata for every kind in <see cref="Loading.ResourceKinds"/>, so
/// <see cref="ResourceFingerprint"/> needs no run-time reflection over the model (NativeAOT
/// builds of the proxy). A kind added to ResourceKinds must be added here too; a test checks it.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    MaxDepth = 256)]
[JsonSerializable(typeof(VirtualService))]
[JsonSerializable(typeof(DestinationRule))]
[JsonSerializable(typeof(ServiceEntry))]
[JsonSerializable(typeof(WorkloadEntry))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(Model.Kubernetes.Namespace))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(EndpointSlice))]
internal sealed partial class ResourceFingerprintJson : JsonSerializerContext;
