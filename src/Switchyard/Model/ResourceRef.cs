namespace Switchyard.Model;

/// <summary>Identifies one resource the way istioctl prints it: <c>Kind namespace/name</c>.</summary>
public sealed record ResourceRef(string Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
