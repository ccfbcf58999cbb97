using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class ExportToTests
{
    [Fact]
    public void Export_to_accepts_dot_and_other_namespaces() =>
        Assert.Empty(ExportTo.CheckExportTo([".", "istio-system"], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_accepts_tilde_alone_on_service_entry() =>
        Assert.Empty(ExportTo.CheckExportTo(["~"], "default", isServiceEntry: true));

    [Fact]
    public void Export_to_rejects_tilde_outside_service_entry() =>
        Assert.Equal(["exportTo ~ (none) is not allowed for Istio configuration objects"],
            ExportTo.CheckExportTo(["~"], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_rejects_own_namespace_then_dot() =>
        Assert.Equal(["duplicate entries in exportTo: . and current namespace default"],
            ExportTo.CheckExportTo(["default", "."], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_rejects_bad_namespace_name() =>
        Assert.Equal(["only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry"],
            ExportTo.CheckExportTo(["bad_ns"], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_rejects_star_with_anything_else() =>
        Assert.Equal(["cannot have both public (*) and non-public exportTo values for a resource"],
            ExportTo.CheckExportTo(["*", "."], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_double_star_reports_duplicate_and_mix() =>
        Assert.Equal(["duplicate entries in exportTo for entry *", "cannot have both public (*) and non-public exportTo values for a resource"],
            ExportTo.CheckExportTo(["*", "*"], "default", isServiceEntry: false));

    [Fact]
    public void Export_to_rejects_tilde_with_anything_else() =>
        Assert.Equal(["cannot export service entry to no one (~) and someone"],
            ExportTo.CheckExportTo(["~", "."], "default", isServiceEntry: true));

    [Fact]
    public void Export_to_with_workload_selector_stays_in_namespace()
    {
        Assert.Empty(ExportTo.CheckExportTo(["."], "default", false, isDestinationRuleWithSelector: true));
        Assert.Equal(["destination rule with workload selector cannot have exportTo beyond current namespace"],
            ExportTo.CheckExportTo(["other"], "default", false, isDestinationRuleWithSelector: true));
    }
}
