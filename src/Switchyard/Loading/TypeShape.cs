using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// How a model record maps to YAML keys: its settable properties by camelCase name (and
/// snake_case alias, which Istio's decoder also accepts), computed once per type.
/// </summary>
internal sealed class TypeShape
{
    private static readonly ConcurrentDictionary<Type, TypeShape> Cache = new();

    /// <summary>A bindable property; <see cref="Ordinal"/> numbers the fields of one type from 0 (duplicate-key checks).</summary>
    public sealed record Field(string Name, PropertyInfo Property, int Ordinal)
    {
        public ValueShape Value { get; } = ValueShape.For(Property.PropertyType);
    }

    private readonly Dictionary<string, Field> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;

    public Type Type { get; }
    public bool Lenient { get; }

    /// <summary>The canonical (camelCase) names, for did-you-mean suggestions.</summary>
    public IReadOnlyList<string> Names { get; }

    private TypeShape([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
    {
        Type = type;
        Lenient = type.GetCustomAttribute<LenientFieldsAttribute>(inherit: true) is not null;
        var names = new List<string>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is null || p.GetCustomAttribute<NotAFieldAttribute>() is not null) continue;
            var name = p.GetCustomAttribute<FieldNameAttribute>()?.Name ?? CamelCase(p.Name);
            var field = new Field(name, p, names.Count);
            _byKey[name] = field;
            names.Add(name);
            if (!Lenient)
            {
                var snake = SnakeCase(name);
                if (snake != name) _byKey.TryAdd(snake, field);
            }
            foreach (var alias in p.GetCustomAttributes<FieldAliasAttribute>()) _byKey.TryAdd(alias.Alias, field);
        }
        Names = names;
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static TypeShape For([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        Cache.TryGetValue(type, out var shape) ? shape : Cache.GetOrAdd(type, new TypeShape(type));

    public Field? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The field a YAML key names, read in place (no string per key).</summary>
    public Field? Find(ReadOnlySpan<char> key) => _byKeySpan.TryGetValue(key, out var field) ? field : null;

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    internal static string SnakeCase(string camel)
    {
        var sb = new System.Text.StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c)) sb.Append('_').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
