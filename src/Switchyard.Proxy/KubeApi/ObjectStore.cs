using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The objects the config API holds, one global resourceVersion counter (etcd's revision), and
/// the recent history a watch resumes from. Every change is written through to
/// <see cref="ObjectFiles"/> before it is visible, and then fanned out to the watches whose
/// filter it passes. A watch from a resourceVersion older than the history is answered 410 Gone
/// (<c>too old resource version</c>), as the API server does once etcd has compacted it.
/// </summary>
internal sealed class ObjectStore(ObjectFiles files, int historyLimit = 10_000)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, StoredObject> _objects = new();
    private readonly LinkedList<WatchEvent> _history = new();
    private readonly List<Watcher> _watchers = new();
    private long _resourceVersion;
    private long _oldestResumable;

    public long ResourceVersion { get { lock (_gate) return _resourceVersion; } }

    /// <summary>Fills the store from the files at start, without events.</summary>
    public void Load(IEnumerable<(ObjectKey Key, JsonObject Object, string File)> objects, long startVersion, TimeProvider time)
    {
        lock (_gate)
        {
            _resourceVersion = startVersion;
            foreach (var (key, obj, file) in objects)
            {
                var rv = ++_resourceVersion;
                ObjectMetadata.OnLoad(obj, time);
                _objects[key] = new StoredObject(key, Stamp(obj, rv), rv, file);
            }
            _oldestResumable = _resourceVersion;
        }
    }

    public StoredObject? Get(ObjectKey key)
    {
        lock (_gate) return _objects.GetValueOrDefault(key);
    }

    /// <summary>The objects of one type (in one namespace, or all when null) and the version they are current at.</summary>
    public (List<StoredObject> Items, long ResourceVersion) List(ApiResource resource, string? ns)
    {
        lock (_gate)
        {
            var items = _objects.Values.Where(o => o.Key.Resource == resource && (ns is null || o.Key.Namespace == ns))
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal).ThenBy(o => o.Key.Name, StringComparer.Ordinal).ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// Takes in what the files hold now (a hand edit, a checkout): an object whose file content
    /// differs from the stored one gets a new resourceVersion, one no file holds any more is
    /// deleted, a new one is added, each with its watch event. Files are not written back.
    /// </summary>
    public int Sync(string defaultNamespace, TimeProvider time)
    {
        // Read under the lock: a read that raced a write of the API would see the file as it was
        // before, and take it for a hand edit.
        lock (_gate)
        {
            var unchanged = new HashSet<string>(StringComparer.Ordinal);
            var onDisk = files.ReadAll(defaultNamespace, unchanged);
            var changes = 0;
            var seen = _objects.Values.Where(o => unchanged.Contains(o.File)).Select(o => o.Key).ToHashSet();
            foreach (var (key, obj, file) in onDisk)
            {
                if (!seen.Add(key)) continue;
                var current = _objects.GetValueOrDefault(key);
                if (current is not null && current.File == file && ObjectMetadata.SameContent(current.Object, obj)) continue;
                if (current is null) ObjectMetadata.OnLoad(obj, time);
                else ObjectMetadata.OnUpdate(obj, current.Object); // a hand edit keeps the identity, and is a new generation
                var rv = ++_resourceVersion;
                var stored = new StoredObject(key, Stamp(obj, rv), rv, file);
                _objects[key] = stored;
                Publish(new WatchEvent(current is null ? "ADDED" : "MODIFIED", stored, rv));
                changes++;
            }
            foreach (var gone in _objects.Values.Where(o => !seen.Contains(o.Key)).ToList())
            {
                _objects.Remove(gone.Key);
                var rv = ++_resourceVersion;
                Publish(new WatchEvent("DELETED", gone with { Object = Stamp((JsonObject)gone.Object.DeepClone(), rv), ResourceVersion = rv }, rv));
                changes++;
            }
            return changes;
        }
    }

    /// <summary>Everything stored (the disk sync compares it with the files).</summary>
    public List<StoredObject> All()
    {
        lock (_gate) return _objects.Values.ToList();
    }

    /// <summary>
    /// Stores <paramref name="obj"/> under <paramref name="key"/> when the current version is still
    /// <paramref name="expected"/> (null: whatever it is); returns the stored object, or null when
    /// another writer got there first (the caller answers 409 Conflict).
    /// </summary>
    public StoredObject? Put(ObjectKey key, JsonObject obj, StoredObject? expected, string? file = null)
    {
        lock (_gate)
        {
            var current = _objects.GetValueOrDefault(key);
            if (!ReferenceEquals(current, expected)) return null;
            var rv = _resourceVersion + 1;
            var stored = new StoredObject(key, Stamp(obj, rv), rv, file ?? current?.File ?? files.PathFor(key));
            // On disk first: a write that fails (disk full) stores nothing and is the client's 500.
            files.Write(stored.File, [.. InFile(stored.File, key), stored]);
            if (current is not null && current.File != stored.File) files.Write(current.File, InFile(current.File, key));
            _objects[key] = stored;
            _resourceVersion = rv;
            Publish(new WatchEvent(current is null ? "ADDED" : "MODIFIED", stored, rv));
            return stored;
        }
    }

    /// <summary>Removes the object when it is still <paramref name="expected"/>; false when it changed meanwhile.</summary>
    public bool Remove(StoredObject expected)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_objects.GetValueOrDefault(expected.Key), expected)) return false;
            files.Write(expected.File, InFile(expected.File, expected.Key));
            _objects.Remove(expected.Key);
            var rv = ++_resourceVersion;
            // The DELETED event carries the object as it was, at the deletion's resourceVersion.
            var gone = expected with { Object = Stamp((JsonObject)expected.Object.DeepClone(), rv), ResourceVersion = rv };
            Publish(new WatchEvent("DELETED", gone, rv));
            return true;
        }
    }

    /// <summary>
    /// Starts a watch of <paramref name="resource"/> (in <paramref name="ns"/>, or every
    /// namespace) after <paramref name="from"/>: the events already in the history come first.
    /// Throws 410 Gone when <paramref name="from"/> is older than the history (or newer than the
    /// store, a client of an earlier run). Dispose the watcher to stop it.
    /// </summary>
    public Watcher Watch(ApiResource resource, string? ns, long? from, Func<StoredObject, bool> filter)
    {
        lock (_gate)
        {
            var watcher = new Watcher(this, resource, ns, filter);
            if (from is not { } since)
            {
                // No resourceVersion: the current state as ADDED events, then changes.
                foreach (var o in List(resource, ns).Items) watcher.Offer(new WatchEvent("ADDED", o, o.ResourceVersion));
            }
            else
            {
                if (since < _oldestResumable || since > _resourceVersion) throw StatusError.Expired(since.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var e in _history)
                    if (e.ResourceVersion > since) watcher.Offer(e);
            }
            _watchers.Add(watcher);
            return watcher;
        }
    }

    /// <summary>The number of open watches (a client that disconnects must not leave one behind).</summary>
    public int WatchCount { get { lock (_gate) return _watchers.Count; } }

    private void Publish(WatchEvent e)
    {
        _history.AddLast(e);
        while (_history.Count > historyLimit)
        {
            _oldestResumable = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }
        foreach (var w in _watchers) w.Offer(e);
    }

    /// <summary>The other objects a file holds (a hand-written file may hold several; it is rewritten whole).</summary>
    private List<StoredObject> InFile(string file, ObjectKey except) =>
        _objects.Values.Where(o => o.File == file && o.Key != except).ToList();

    private static JsonObject Stamp(JsonObject obj, long rv)
    {
        var meta = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = meta;
        meta["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return obj;
    }

    /// <summary>One open watch: a channel of the events that pass its filter.</summary>
    internal sealed class Watcher(ObjectStore store, ApiResource resource, string? ns, Func<StoredObject, bool> filter) : IDisposable
    {
        private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

        public ChannelReader<WatchEvent> Events => _events.Reader;

        internal void Offer(WatchEvent e)
        {
            var key = e.Object.Key;
            if (key.Resource == resource && (ns is null || key.Namespace == ns) && filter(e.Object)) _events.Writer.TryWrite(e);
        }

        public void Dispose()
        {
            lock (store._gate) store._watchers.Remove(this);
            _events.Writer.TryComplete();
        }
    }
}
