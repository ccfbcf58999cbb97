using System.Globalization;

namespace Switchyard.Analysis.Deprecation;

/// <summary>
/// istioctl's <c>deprecation.DeprecationAnalyzer</c> (Go type FieldAnalyzer,
/// pkg/config/analysis/analyzers/deprecation/deprecation.go), for the kinds Switchyard reads:
/// an http route's <c>fault.delay.percent</c> above 0 is IST0002. Other deprecated VirtualService
/// and DestinationRule fields surface as IST0133 from schema validation, as in istioctl.
/// </summary>
public sealed class DeprecationAnalyzer : IAnalyzer
{
    public string Name => "deprecation.DeprecationAnalyzer";

    public string Description => "Checks for deprecated Istio types and fields";

    public IReadOnlyList<MessageType> Produces => [Messages.Deprecated];

    public void Analyze(AnalysisContext context)
    {
        foreach (var vs in context.VirtualServices)
        {
            var http = vs.Spec.Http ?? [];
            for (var i = 0; i < http.Count; i++)
            {
                if (http[i]?.Fault?.Delay?.Percent is not { } percent || percent <= 0) continue;
                // istioctl reports at the resource; the deprecated field's own line is more useful.
                context.Report(Messages.Deprecated, vs, $"spec.http[{i}].fault.delay.percent",
                    $"replace percent: {percent} with percentage: {{value: {percent.ToString(CultureInfo.InvariantCulture)}}}",
                    "HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage");
            }
        }
    }
}
