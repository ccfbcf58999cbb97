using Switchyard.Diagnostics;
using Switchyard.Validation;

namespace Switchyard.Analysis.Schema;

/// <summary>
/// istioctl's <c>schema.ValidationAnalyzer.&lt;Kind&gt;</c>: the per-resource validator's errors
/// become IST0106 and its warnings IST0133, on the line of the offending field. Structural
/// problems the loader found (unknown field, wrong type) are schema errors too.
/// </summary>
public abstract class SchemaValidationAnalyzer(string kind) : IAnalyzer
{
    public string Name => $"schema.ValidationAnalyzer.{kind}";

    public string Description => $"Runs schema validation as an analyzer and reports any violations for {kind}";

    public virtual IReadOnlyList<MessageType> Produces => [Messages.SchemaValidationError, Messages.SchemaWarning];

    public void Analyze(AnalysisContext context)
    {
        foreach (var error in context.StructuralErrors)
            if (error.Resource?.Kind == kind) context.Add(Wrap(error));
        foreach (var resource in context.Resources)
        {
            if (resource.Kind != kind) continue;
            foreach (var d in ResourceValidator.Validate(resource)) context.Add(Wrap(d));
            AnalyzeMore(resource, context);
        }
    }

    /// <summary>Extra per-resource findings of one kind (VirtualService reachability).</summary>
    protected virtual void AnalyzeMore(Model.Resource resource, AnalysisContext context) { }

    private static Diagnostic Wrap(Diagnostic d)
    {
        if (d.Code is not null) return d;
        var type = d.Severity == Severity.Error ? Messages.SchemaValidationError : Messages.SchemaWarning;
        var detail = string.IsNullOrEmpty(d.FieldPath) ? d.Message : $"{d.FieldPath}: {d.Message}";
        return d with { Code = type.Code, Severity = type.Level, Message = type.Format(detail) };
    }
}

/// <summary>Also reports the VirtualService's unreachable rules and matches, which Istio's
/// validator finds and istioctl maps to IST0130 and IST0131.</summary>
public sealed class VirtualServiceSchemaAnalyzer() : SchemaValidationAnalyzer("VirtualService")
{
    public override IReadOnlyList<MessageType> Produces =>
        [.. base.Produces, Messages.VirtualServiceUnreachableRule, Messages.VirtualServiceIneffectiveMatch];

    protected override void AnalyzeMore(Model.Resource resource, AnalysisContext context)
    {
        if (resource is not Model.Networking.VirtualService vs) return;
        foreach (var f in VirtualServices.VirtualServiceReachability.Analyze(vs))
            context.Report(f.Type, vs, f.FieldPath, f.Hint, [.. f.Args]);
    }
}

public sealed class DestinationRuleSchemaAnalyzer() : SchemaValidationAnalyzer("DestinationRule");
public sealed class ServiceEntrySchemaAnalyzer() : SchemaValidationAnalyzer("ServiceEntry");
public sealed class WorkloadEntrySchemaAnalyzer() : SchemaValidationAnalyzer("WorkloadEntry");
public sealed class GatewaySchemaAnalyzer() : SchemaValidationAnalyzer("Gateway");
