using System.Text.Json.Nodes;

namespace Switchyard.Sources.Kubernetes;

/// <summary>Where a <see cref="KindWatcher"/> puts what it sees: a whole list, then one change at a time.</summary>
internal interface IObjectSink
{
    /// <summary>The complete current set of one kind (after a list or a relist): others of that kind are gone.</summary>
    void Replace(WatchedKind kind, IReadOnlyList<JsonObject> objects);

    void Upsert(WatchedKind kind, JsonObject obj);

    void Remove(WatchedKind kind, JsonObject obj);
}
