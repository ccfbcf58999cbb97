using System.Collections.Concurrent;

namespace Switchyard.Loading;

/// <summary>What the binder makes of a property type, worked out once per type instead of per value.</summary>
internal sealed class ValueShape
{
    public enum Kinds
    {
        /// <summary><c>object</c>: status and other free-form parts, not read.</summary>
        Ignored,
        Scalar,
        List,
        Map,
        Object,
    }

    private static readonly ConcurrentDictionary<Type, ValueShape> Cache = new();

    private ValueShape(Type type)
    {
        Underlying = Nullable.GetUnderlyingType(type) ?? type;
        IsValueType = type.IsValueType;
        if (Underlying == typeof(object)) Kind = Kinds.Ignored;
        else if (ScalarConverter.IsScalarType(Underlying)) Kind = Kinds.Scalar;
        else if (IsGeneric(Underlying, typeof(IReadOnlyList<>)))
        {
            Kind = Kinds.List;
            Element = Underlying.GetGenericArguments()[0];
        }
        else if (IsGeneric(Underlying, typeof(IReadOnlyDictionary<,>)))
        {
            Kind = Kinds.Map;
            Element = Underlying.GetGenericArguments()[1];
        }
        else Kind = Kinds.Object;
    }

    public Kinds Kind { get; }

    /// <summary>The type without <c>Nullable&lt;&gt;</c>.</summary>
    public Type Underlying { get; }

    /// <summary>The property type itself is a value type (a missing value cannot be stored as null).</summary>
    public bool IsValueType { get; }

    /// <summary>A list's element type, a map's value type.</summary>
    public Type? Element { get; }

    public static ValueShape For(Type type) => Cache.TryGetValue(type, out var shape) ? shape : Cache.GetOrAdd(type, new ValueShape(type));

    private static bool IsGeneric(Type t, Type open) => t.IsGenericType && t.GetGenericTypeDefinition() == open;
}
