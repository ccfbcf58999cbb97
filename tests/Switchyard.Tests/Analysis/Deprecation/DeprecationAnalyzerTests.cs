using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.Deprecation;

public class DeprecationAnalyzerTests
{
    private static List<Diagnostic> Analyze(string yaml)
    {
        var load = ConfigLoader.LoadText(yaml, "vs.yaml");
        Assert.Empty(load.AllDiagnostics);
        var resources = load.Resources;
        var options = new AnalysisOptions { Analyzers = ["deprecation.DeprecationAnalyzer"], AllNamespaces = true };
        return AnalysisRunner.Run(resources, options, Suppressions.Parse([], out _));
    }

    private static string DelayWith(string field) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
          namespace: default
        spec:
          hosts:
          - ratings
          http:
          - fault:
              delay:
                fixedDelay: 7s
                {field}
            route:
            - destination:
                host: ratings
        """;

    [Fact]
    public void Fault_delay_percent_above_zero_is_IST0002_at_the_percent_line()
    {
        var m = Assert.Single(Analyze(DelayWith("percent: 10")));
        Assert.Equal("IST0002", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal("Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage", m.Message);
        Assert.Equal(13, m.Span.Line);
        Assert.Equal("replace percent: 10 with percentage: {value: 10}", m.Hint);
    }

    [Fact]
    public void Fault_delay_percent_zero_is_not_reported()
    {
        Assert.Empty(Analyze(DelayWith("percent: 0")));
    }

    [Fact]
    public void Fault_delay_percentage_is_not_reported()
    {
        Assert.Empty(Analyze(DelayWith("percentage:\n          value: 10")));
    }
}
