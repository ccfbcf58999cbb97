using System.Diagnostics.CodeAnalysis;

namespace Switchyard.Loading;

/// <summary>
/// What the binder needs of a model type: a public parameterless constructor and its public
/// properties. Resource kinds carry that annotation from <see cref="ResourceKinds"/>; types
/// reached through a property, list element or map value cannot (a Type read by reflection
/// carries no annotation), so the assembly is kept whole for the trimmer by the descriptor
/// embedded in it (ILLink.Descriptors.xml), and this is where the two meet.
/// </summary>
internal static class ModelTypes
{
    public const DynamicallyAccessedMemberTypes Bound =
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties;

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Model types live in Switchyard.Core, which ILLink.Descriptors.xml preserves whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2068", Justification = "Model types live in Switchyard.Core, which ILLink.Descriptors.xml preserves whole.")]
    [return: DynamicallyAccessedMembers(Bound)]
    public static Type Bindable(Type reachedByReflection) => reachedByReflection;
}
