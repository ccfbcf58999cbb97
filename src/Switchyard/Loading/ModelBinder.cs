using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Text;

namespace Switchyard.Loading;

/// <summary>
/// Binds a <see cref="YamlNode"/> tree to the model records by property name, recording the
/// span of every field path and reporting structural problems (unknown field with a
/// did-you-mean, wrong type, bad enum value, bad duration, duplicate key) instead of throwing.
/// A field with a problem is left unset; binding goes on so every problem is reported at once.
/// </summary>
internal sealed class ModelBinder
{
    private readonly List<Diagnostic> _errors;
    private readonly Dictionary<string, SourceSpan> _spans;
    private readonly Func<ResourceRef?> _resource;
    /// <summary>Far above any real resource (a few thousand nodes); bounds alias fan-out per resource.</summary>
    public const int MaxNodesPerResource = 100_000;

    private int _budget = MaxNodesPerResource;

    public ModelBinder(List<Diagnostic> errors, Dictionary<string, SourceSpan> spans, Func<ResourceRef?> resource)
    {
        _errors = errors;
        _spans = spans;
        _resource = resource;
    }

    public bool OutOfBudget { get; private set; }

    /// <summary>Binds a mapping node to a new instance of a record type.</summary>
    public object BindObject([DynamicallyAccessedMembers(ModelTypes.Bound)] Type type, YamlMapping map, string path)
    {
        var shape = TypeShape.For(type);
        var instance = Activator.CreateInstance(type)!;
        HashSet<string>? seen = null;
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            if (!Spend(keyNode)) break;
            var key = keyNode.Value;
            var fieldPath = path.Length == 0 ? key : path + "." + key;
            var field = shape.Find(key);
            // Keyed by the field, not the spelling: exportTo and export_to together set one field
            // twice, which protobuf JSON refuses as a duplicate field.
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(field?.Name ?? key))
            {
                Error(keyNode.Span, fieldPath, $"duplicate key \"{YamlScalar.Truncate(key)}\""
                    + (field is not null && field.Name != key ? $" (the same field as \"{field.Name}\")" : ""));
                continue;
            }
            if (field is null)
            {
                if (!shape.Lenient) UnknownField(shape, keyNode, fieldPath);
                continue;
            }
            var canonicalPath = path.Length == 0 ? field.Name : path + "." + field.Name;
            _spans.TryAdd(canonicalPath, keyNode.Span);
            var value = Bind(field.Property.PropertyType, valueNode, canonicalPath, shape.Lenient);
            if (value is not null) field.Property.SetValue(instance, value);
        }
        return instance;
    }

    /// <summary>Binds any node to the given property type; null when unset or invalid.</summary>
    public object? Bind(Type type, YamlNode node, string path, bool lenient)
    {
        if (!Spend(node)) return null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(object)) return null; // status and other free-form parts: ignored

        if (node is YamlScalar { IsNull: true }) return null;

        if (ScalarConverter.IsScalarType(underlying))
        {
            if (node is not YamlScalar scalar)
            {
                Error(node.Span, path, $"expected {Expected(underlying)}, got {node.Describe()}");
                return null;
            }
            var value = ScalarConverter.Convert(underlying, scalar, lenient, out var error);
            if (error is not null) Error(node.Span, path, error);
            return value;
        }

        if (IsGeneric(underlying, typeof(IReadOnlyList<>)))
        {
            if (node is not YamlSequence seq)
            {
                Error(node.Span, path, $"expected a list, got {node.Describe()}");
                return null;
            }
            var elementType = underlying.GetGenericArguments()[0];
            var list = CollectionFactory.NewList(elementType);
            for (var i = 0; i < seq.Items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                _spans.TryAdd(itemPath, seq.Items[i].Span);
                var item = Bind(elementType, seq.Items[i], itemPath, lenient);
                // Keep null entries of message lists: "null route" is a validation error to report.
                // A scalar list (hosts) never holds null: a bad entry was reported and is left out.
                if (item is not null || !ScalarConverter.IsScalarType(Nullable.GetUnderlyingType(elementType) ?? elementType)) list.Add(item);
            }
            return list;
        }

        if (IsGeneric(underlying, typeof(IReadOnlyDictionary<,>)))
        {
            if (node is not YamlMapping map)
            {
                Error(node.Span, path, $"expected an object (a map of names to values), got {node.Describe()}");
                return null;
            }
            var valueType = underlying.GetGenericArguments()[1];
            var dict = CollectionFactory.NewDictionary(valueType);
            foreach (var (keyNode, valueNode) in map.Entries)
            {
                var entryPath = $"{path}.{keyNode.Value}";
                if (dict.Contains(keyNode.Value))
                {
                    Error(keyNode.Span, entryPath, $"duplicate key \"{YamlScalar.Truncate(keyNode.Value)}\"");
                    continue;
                }
                _spans.TryAdd(entryPath, keyNode.Span);
                var value = Bind(valueType, valueNode, entryPath, lenient);
                if (value is null && valueType.IsValueType) continue;
                // A null map value (e.g. a header match "x: ") stays as null so the validator can say so.
                if (value is null && valueType == typeof(string)) value = "";
                dict[keyNode.Value] = value;
            }
            return dict;
        }

        if (node is not YamlMapping mapping)
        {
            Error(node.Span, path, $"expected an object, got {node.Describe()}");
            return null;
        }
        return BindObject(ModelTypes.Bindable(underlying), mapping, path);
    }

    private bool Spend(YamlNode node)
    {
        if (--_budget >= 0) return true;
        if (!OutOfBudget)
        {
            OutOfBudget = true;
            Error(node.Span, "", $"resource expands to more than {MaxNodesPerResource} nodes (alias expansion?)");
        }
        return false;
    }

    private void UnknownField(TypeShape shape, YamlScalar keyNode, string fieldPath)
    {
        var suggestion = DidYouMean.Suggest(keyNode.Value, shape.Names);
        var hint = suggestion is null ? $"known fields: {string.Join(", ", shape.Names)}" : $"did you mean \"{suggestion}\"?";
        _errors.Add(new Diagnostic
        {
            Severity = Severity.Error,
            Message = $"unknown field \"{YamlScalar.Truncate(keyNode.Value)}\"" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
            Span = keyNode.Span,
            Resource = _resource(),
            FieldPath = fieldPath,
            Hint = hint,
        });
    }

    private void Error(SourceSpan span, string path, string message) =>
        _errors.Add(Diagnostic.Error(message, span, _resource(), path));

    private static bool IsGeneric(Type t, Type open) => t.IsGenericType && t.GetGenericTypeDefinition() == open;

    private static string Expected(Type t) =>
        t == typeof(string) ? "a string"
        : t == typeof(bool) ? "a boolean"
        : t == typeof(Duration) ? "a duration string"
        : t.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(t))
        : "a number";
}
