using System.Diagnostics.CodeAnalysis;
using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Text;

namespace Switchyard.Loading;

/// <summary>
/// Binds a document's <see cref="YamlTape"/> to the model records by property name, recording the
/// span of every field (as <see cref="SpanEntry"/> values; a path string is made only for a
/// message) and reporting structural problems (unknown field with a did-you-mean, wrong type,
/// bad enum value, bad duration, duplicate key) instead of throwing. A field with a problem is
/// left unset; binding goes on so every problem is reported at once.
/// </summary>
internal sealed class ModelBinder
{
    /// <summary>Far above any real resource (a few thousand nodes); bounds alias fan-out per resource.</summary>
    public const int MaxNodesPerResource = 100_000;

    private readonly List<Diagnostic> _errors;
    private readonly List<SpanEntry> _spans;
    private readonly ResourceRef? _resource;
    private readonly YamlTape _tape;
    private readonly ScalarStrings _strings;
    private int _budget = MaxNodesPerResource;

    public ModelBinder(YamlTape tape, ScalarStrings strings, List<Diagnostic> errors, List<SpanEntry> spans, ResourceRef? resource)
    {
        _tape = tape;
        _strings = strings;
        _errors = errors;
        _spans = spans;
        _resource = resource;
    }

    public bool OutOfBudget { get; private set; }

    /// <summary>Binds a mapping node to a new instance of a record type; <paramref name="entry"/> is its span entry (-1: the resource).</summary>
    public object BindObject([DynamicallyAccessedMembers(ModelTypes.Bound)] Type type, int map, int entry)
    {
        var shape = TypeShape.For(type);
        var instance = Activator.CreateInstance(type)!;
        // Keyed by the field, not the spelling: exportTo and export_to together set one field
        // twice, which protobuf JSON refuses as a duplicate field.
        ulong seen = 0;
        HashSet<string>? seenMore = null;
        var child = map + 1;
        var count = _tape[map].Count;
        for (var i = 0; i < count; i++)
        {
            var keyNode = _tape.Resolve(child);
            var valueNode = _tape[child].End;
            child = _tape[valueNode].End;
            if (!Spend(keyNode)) break;
            var key = _tape.Text(keyNode);
            var field = shape.Find(key);
            if (!FirstTime(field, key, ref seen, ref seenMore))
            {
                var name = key.ToString();
                Error(_tape.SpanOf(keyNode), ChildPath(entry, name), $"duplicate key \"{ScalarText.Truncate(key)}\""
                    + (field is not null && field.Name != name ? $" (the same field as \"{field.Name}\")" : ""));
                continue;
            }
            if (field is null)
            {
                if (!shape.Lenient) UnknownField(shape, keyNode, ChildPath(entry, key.ToString()));
                continue;
            }
            var fieldEntry = AddSpan(entry, field.Name, 0, keyNode);
            var value = Bind(field.Value, valueNode, fieldEntry, shape.Lenient);
            if (value is not null) field.Property.SetValue(instance, value);
        }
        return instance;
    }

    /// <summary>Binds any node to a property's type; null when unset or invalid.</summary>
    private object? Bind(ValueShape shape, int node, int entry, bool lenient)
    {
        node = _tape.Resolve(node);
        if (!Spend(node)) return null;
        if (shape.Kind == ValueShape.Kinds.Ignored) return null;
        var kind = _tape[node].Kind;
        if (kind == YamlNodeKind.Scalar && _tape.Scalar(node).IsNull) return null;

        switch (shape.Kind)
        {
            case ValueShape.Kinds.Scalar:
                if (kind != YamlNodeKind.Scalar)
                {
                    Error(_tape.SpanOf(node), PathOf(entry), $"expected {Expected(shape.Underlying)}, got {_tape.Describe(node)}");
                    return null;
                }
                return BindScalar(shape.Underlying, node, entry, lenient);
            case ValueShape.Kinds.List:
                if (kind != YamlNodeKind.Sequence)
                {
                    Error(_tape.SpanOf(node), PathOf(entry), $"expected a list, got {_tape.Describe(node)}");
                    return null;
                }
                return BindList(shape.Element!, node, entry, lenient);
            case ValueShape.Kinds.Map:
                if (kind != YamlNodeKind.Mapping)
                {
                    Error(_tape.SpanOf(node), PathOf(entry), $"expected an object (a map of names to values), got {_tape.Describe(node)}");
                    return null;
                }
                return BindMap(shape.Element!, node, entry, lenient);
            default:
                if (kind != YamlNodeKind.Mapping)
                {
                    Error(_tape.SpanOf(node), PathOf(entry), $"expected an object, got {_tape.Describe(node)}");
                    return null;
                }
                return BindObject(ModelTypes.Bindable(shape.Underlying), node, entry);
        }
    }

    private object? BindScalar(Type type, int node, int entry, bool lenient)
    {
        var scalar = _tape.Scalar(node);
        string? error;
        if (type == typeof(string))
        {
            if (ScalarConverter.CheckString(scalar, lenient, out error)) return _strings.Get(scalar.Value);
        }
        else
        {
            var value = ScalarConverter.Convert(type, scalar, out error);
            if (error is null) return value;
        }
        Error(_tape.SpanOf(node), PathOf(entry), error!);
        return null;
    }

    private object BindList(Type elementType, int seq, int entry, bool lenient)
    {
        var list = CollectionFactory.NewList(elementType);
        var elementShape = ValueShape.For(elementType);
        var count = _tape[seq].Count;
        var item = seq + 1;
        for (var i = 0; i < count; i++, item = _tape[item].End)
        {
            var itemEntry = AddSpan(entry, null, i, _tape.Resolve(item));
            var value = Bind(elementShape, item, itemEntry, lenient);
            // Keep null entries of message lists: "null route" is a validation error to report.
            // A scalar list (hosts) never holds null: a bad entry was reported and is left out.
            if (value is not null || elementShape.Kind != ValueShape.Kinds.Scalar) list.Add(value);
        }
        return list;
    }

    private object BindMap(Type valueType, int map, int entry, bool lenient)
    {
        var dict = CollectionFactory.NewDictionary(valueType);
        var valueShape = ValueShape.For(valueType);
        var count = _tape[map].Count;
        var child = map + 1;
        for (var i = 0; i < count; i++)
        {
            var keyNode = _tape.Resolve(child);
            var valueNode = _tape[child].End;
            child = _tape[valueNode].End;
            var key = _strings.Get(_tape.Text(keyNode));
            if (dict.Contains(key))
            {
                Error(_tape.SpanOf(keyNode), ChildPath(entry, key), $"duplicate key \"{ScalarText.Truncate(key)}\"");
                continue;
            }
            var entryIndex = AddSpan(entry, key, 0, keyNode);
            var value = Bind(valueShape, valueNode, entryIndex, lenient);
            if (value is null && valueShape.IsValueType) continue;
            // A null map value (e.g. a header match "x: ") stays as null so the validator can say so.
            if (value is null && valueType == typeof(string)) value = "";
            dict[key] = value;
        }
        return dict;
    }

    private static bool FirstTime(TypeShape.Field? field, ReadOnlySpan<char> key, ref ulong seen, ref HashSet<string>? seenMore)
    {
        if (field is not null && field.Ordinal < 64)
        {
            var bit = 1UL << field.Ordinal;
            if ((seen & bit) != 0) return false;
            seen |= bit;
            return true;
        }
        seenMore ??= new HashSet<string>(StringComparer.Ordinal);
        return seenMore.Add(field?.Name ?? key.ToString());
    }

    private int AddSpan(int parent, string? name, int index, int node)
    {
        _spans.Add(new SpanEntry(parent, name, index, _tape[node].Line, _tape[node].Column));
        return _spans.Count - 1;
    }

    /// <summary>The field path of a span entry (<c>spec.http[0].route</c>), made only for a message.</summary>
    private string PathOf(int entry)
    {
        if (entry < 0) return "";
        var e = _spans[entry];
        var parent = PathOf(e.Parent);
        return e.Name is null ? $"{parent}[{e.Index}]" : parent.Length == 0 ? e.Name : $"{parent}.{e.Name}";
    }

    private string ChildPath(int entry, string key)
    {
        var parent = PathOf(entry);
        return parent.Length == 0 ? key : parent + "." + key;
    }

    private bool Spend(int node)
    {
        if (--_budget >= 0) return true;
        if (!OutOfBudget)
        {
            OutOfBudget = true;
            Error(_tape.SpanOf(node), "", $"resource expands to more than {MaxNodesPerResource} nodes (alias expansion?)");
        }
        return false;
    }

    private void UnknownField(TypeShape shape, int keyNode, string fieldPath)
    {
        var key = _tape.Text(keyNode).ToString();
        var suggestion = DidYouMean.Suggest(key, shape.Names);
        var hint = suggestion is null ? $"known fields: {string.Join(", ", shape.Names)}" : $"did you mean \"{suggestion}\"?";
        _errors.Add(new Diagnostic
        {
            Severity = Severity.Error,
            Message = $"unknown field \"{ScalarText.Truncate(key)}\"" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
            Span = _tape.SpanOf(keyNode),
            Resource = _resource,
            FieldPath = fieldPath,
            Hint = hint,
        });
    }

    private void Error(SourceSpan span, string path, string message) =>
        _errors.Add(Diagnostic.Error(message, span, _resource, path));

    private static string Expected(Type t) =>
        t == typeof(string) ? "a string"
        : t == typeof(bool) ? "a boolean"
        : t == typeof(Duration) ? "a duration string"
        : t.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(t))
        : "a number";
}
