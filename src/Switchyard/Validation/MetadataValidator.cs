namespace Switchyard.Validation;

/// <summary>Metadata rules shared by the Istio kinds. Placeholder until written.</summary>
public static class MetadataValidator
{
    public static void Validate(ValidationContext ctx)
    {
        if (string.IsNullOrEmpty(ctx.Resource.Name)) ctx.Error("metadata.name", "metadata.name is required");
    }
}
