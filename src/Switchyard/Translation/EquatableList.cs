using System.Collections;

namespace Switchyard.Translation;

/// <summary>
/// A read-only list compared by its items, in order, so compiled records that hold lists still
/// have value equality: the reconciler asks "did this cluster's input change?" with <c>==</c>
/// (as YARP compares its ClusterConfig) instead of rendering both sides to text.
/// </summary>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    public static readonly EquatableList<T> Empty = new([]);

    private readonly T[] _items;
    private int _hash;

    public EquatableList(IEnumerable<T> items) => _items = items.ToArray();

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(EquatableList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._items.Length != _items.Length || other.GetHashCode() != GetHashCode()) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    // Cached: records holding large endpoint lists are compared on every reload.
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        var value = hash.ToHashCode();
        _hash = value == 0 ? 1 : value;
        return _hash;
    }

    public static bool operator ==(EquatableList<T>? a, EquatableList<T>? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(EquatableList<T>? a, EquatableList<T>? b) => !(a == b);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
