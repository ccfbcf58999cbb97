namespace Switchyard.Model;

/// <summary>Unknown keys in a type marked with this are ignored (Kubernetes kinds we only partly
/// read), instead of being an error as in istioctl's strict decoding of Istio kinds.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LenientFieldsAttribute : Attribute;

/// <summary>The YAML/JSON key of a property when it is not the camelCase of its C# name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Extra accepted keys for a property (e.g. the deprecated <c>mirror_percent</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class FieldAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
