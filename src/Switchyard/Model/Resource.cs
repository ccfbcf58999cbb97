namespace Switchyard.Model;

/// <summary>
/// One Kubernetes-style object as loaded: envelope (apiVersion, kind, metadata), where it came
/// from, and the source position of each of its fields. Subclasses add the kind's body.
/// </summary>
public abstract record Resource
{
    public string ApiVersion { get; init; } = "";
    public string Kind { get; init; } = "";
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>Set by the loader: the file and line of the document, and every field's span.</summary>
    [NotAField] public SpanIndex Spans { get; init; } = SpanIndex.Empty(SourceSpan.None);

    [NotAField] public string Name => Metadata.Name ?? "";
    [NotAField] public string Namespace => Metadata.Namespace ?? "";
    [NotAField] public SourceSpan Span => Spans.Root;
    [NotAField] public ResourceRef Ref => new(Kind, Namespace, Name);

    /// <summary>The span of a field path (or its nearest ancestor).</summary>
    public SourceSpan SpanOf(string path) => Spans.Find(path);
}

/// <summary>A property the loader does not bind from YAML (computed or set by the loader).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAFieldAttribute : Attribute;
