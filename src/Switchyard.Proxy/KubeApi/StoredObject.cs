using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>The identity of a stored object: its resource type, namespace ("" when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(ApiResource Resource, string Namespace, string Name);

/// <summary>
/// One object as stored: never mutated once stored (a verb works on a deep clone), its
/// resourceVersion, and the file that holds it (several objects may share a hand-written file).
/// </summary>
internal sealed record StoredObject(ObjectKey Key, JsonObject Object, long ResourceVersion, string File);

/// <summary>One watch event, as <c>{"type": ..., "object": ...}</c> on the wire; <see cref="ResourceVersion"/> orders them.</summary>
internal sealed record WatchEvent(string Type, StoredObject Object, long ResourceVersion);
