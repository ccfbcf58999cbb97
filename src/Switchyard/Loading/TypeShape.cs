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

    public sealed record Field(string Name, PropertyInfo Property);

    private readonly Dictionary<string, Field> _byKey = new(StringComparer.Ordinal);

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
            var field = new Field(name, p);
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
    }

    public static TypeShape For([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        Cache.TryGetValue(type, out var shape) ? shape : Cache.GetOrAdd(type, new TypeShape(type));

    public Field? Find(string key) => _byKey.GetValueOrDefault(key);

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
