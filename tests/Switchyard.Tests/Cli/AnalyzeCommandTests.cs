using System.Text.Json;

namespace Switchyard.Tests.Cli;

/// <summary>
/// The contract of <c>switchyard analyze</c> as a drop-in for <c>istioctl analyze --use-kube=false</c>:
/// output formats, order, thresholds, exit codes, suppression and namespace scope.
/// Most cases run only the VirtualService schema analyzer so that analyzers added later
/// (which would flag the deliberately incomplete inputs) do not change the expected output.
/// </summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private const string VsAnalyzer = "schema.ValidationAnalyzer.VirtualService";

    // One message of each level: IST0106 (unknown field, line 12), IST0130 (line 25), IST0131 (line 41).
    private const string ThreeLevels = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: typo
        spec:
          hosts:
          - typo
          http:
          - route:
            - destination:
                host: typo
            timeoutz: 5s
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - name: catch-all
            route:
            - destination: {host: reviews}
          - name: api
            match:
            - uri: {prefix: /api}
            route:
            - destination: {host: reviews}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
        spec:
          hosts:
          - ratings
          http:
          - match:
            - uri: {prefix: /api}
            - uri: {prefix: /api/v1}
            route:
            - destination: {host: ratings}
        """;

    private string ErrorLine =>
        $"Error [IST0106] (VirtualService default/typo {Routes}:12) Schema validation error: spec.http[0].timeoutz: unknown field \"timeoutz\"; did you mean \"timeout\"?";
    private string WarningLine =>
        $"Warning [IST0130] (VirtualService default/reviews {Routes}:25) VirtualService rule \"api\" not used (route without matches defined before).";
    private string InfoLine =>
        $"Info [IST0131] (VirtualService default/ratings {Routes}:41) VirtualService rule #0 match #1 of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0).";

    private readonly string _dir = Directory.CreateTempSubdirectory("switchyard-analyze-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private string Routes => Path.Combine(_dir, "routes.yaml");

    // Arguments naming a file written by the test are passed as its full path (the reference shows that path).
    private CliRunner.Result Analyze(params string[] args) =>
        CliRunner.Run(["analyze", .. args.Select(a => File.Exists(Path.Combine(_dir, a)) ? Path.Combine(_dir, a) : a)]);

    private string[] Levels(CliRunner.Result r) =>
        r.OutLines.Where(l => !l.StartsWith("hint:", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToArray();

    [Fact]
    public void Log_output_sorts_error_warning_info_with_hints_and_exits_79()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "routes.yaml");
        Assert.Equal(79, r.ExitCode);
        Assert.Equal(
            [
                ErrorLine,
                WarningLine,
                "hint: rule \"catch-all\" has no match, so it takes every request first: move rule \"catch-all\" to the end",
                InfoLine,
                "hint: prefix /api of the same rule already takes these requests: remove this match",
            ],
            r.OutLines);
        Assert.Contains("Error: Analyzers found issues when analyzing namespace: default.", r.Err);
        Assert.Contains("See https://istio.io/latest/docs/reference/config/analysis for more information about causes and resolutions.", r.Err);
    }

    [Fact]
    public void Hint_already_in_the_message_is_not_repeated()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "routes.yaml");
        Assert.DoesNotContain("hint: did you mean \"timeout\"?", r.Out);
    }

    [Fact]
    public void Json_output_is_a_tab_indented_list_with_istioctl_keys_in_order_plus_hint()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "-o", "json", "routes.yaml");
        Assert.Equal(79, r.ExitCode);
        Assert.StartsWith("[\n\t{\n\t\t\"code\": \"IST0106\",", r.Out.ReplaceLineEndings("\n"));
        using var doc = JsonDocument.Parse(r.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Error", "Warning", "Info"], rows.Select(x => x.GetProperty("level").GetString()));
        var warning = rows[1];
        Assert.Equal(["code", "documentationUrl", "hint", "level", "message", "origin", "reference"], warning.EnumerateObject().Select(p => p.Name));
        Assert.Equal("IST0130", warning.GetProperty("code").GetString());
        Assert.Equal("https://istio.io/latest/docs/reference/config/analysis/ist0130/?ref=istioctl-analyze", warning.GetProperty("documentationUrl").GetString());
        Assert.Equal("VirtualService rule \"api\" not used (route without matches defined before).", warning.GetProperty("message").GetString());
        Assert.Equal("VirtualService default/reviews", warning.GetProperty("origin").GetString());
        Assert.Equal($"{Routes}:25", warning.GetProperty("reference").GetString());
        Assert.StartsWith("rule \"catch-all\" has no match", warning.GetProperty("hint").GetString());
    }

    [Fact]
    public void Json_output_without_messages_is_an_empty_list()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", "schema.ValidationAnalyzer.DestinationRule", "-o", "json", "routes.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[]", r.Out.Trim());
    }

    [Fact]
    public void Yaml_output_is_the_same_list()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "-o", "yaml", "routes.yaml");
        Assert.Equal(79, r.ExitCode);
        var lines = r.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(["- code: IST0106", "- code: IST0130", "- code: IST0131"], lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("  level: Warning", lines);
        Assert.Contains("  origin: VirtualService default/reviews", lines);
        Assert.Contains($"  reference: {Routes}:25", lines);
        Assert.Contains("  documentationUrl: https://istio.io/latest/docs/reference/config/analysis/ist0131/?ref=istioctl-analyze", lines);
        Assert.Contains(lines, l => l.StartsWith("  hint: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_code_is_sorted_by_origin_and_exact_duplicates_are_printed_once()
    {
        const string twoCatchAlls = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {0}
            spec:
              hosts: [{0}]
              http:
              - route:
                - destination: {{host: {0}}}
              - route:
                - destination: {{host: {0}}}
            """;
        Write("b.yaml", string.Format(twoCatchAlls, "bravo"));
        Write("a.yaml", string.Format(twoCatchAlls, "alpha"));
        // b.yaml twice: its resources load twice and yield the same message twice.
        var r = Analyze("--analyzer", VsAnalyzer, "b.yaml", "a.yaml", "b.yaml");
        var messages = r.OutLines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains($"(VirtualService default/alpha {Path.Combine(_dir, "a.yaml")}:10)", messages[0]);
        Assert.Contains($"(VirtualService default/bravo {Path.Combine(_dir, "b.yaml")}:10)", messages[1]);
    }

    [Fact]
    public void Output_threshold_hides_lower_levels_but_not_the_exit_code()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "--output-threshold", "Warning", "routes.yaml");
        Assert.Equal(79, r.ExitCode);
        Assert.Equal(["Error", "Warning"], Levels(r));
    }

    [Fact]
    public void Output_threshold_above_every_message_prints_the_success_line()
    {
        Write("routes.yaml", ThreeLevels.Replace("    timeoutz: 5s\n", ""));
        var r = Analyze("--analyzer", VsAnalyzer, "--output-threshold", "Error", "routes.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("\u2714 No validation issues found when analyzing namespace: default.", r.Err);
    }

    [Theory]
    [InlineData("Error", 0)]
    [InlineData("Warning", 79)]
    [InlineData("Info", 79)]
    public void Failure_threshold_decides_the_exit_code_for_warnings_and_infos(string threshold, int exit)
    {
        Write("routes.yaml", ThreeLevels.Replace("    timeoutz: 5s\n", ""));
        var r = Analyze("--analyzer", VsAnalyzer, "--failure-threshold", threshold, "routes.yaml");
        Assert.Equal(exit, r.ExitCode);
        Assert.Equal(["Warning", "Info"], Levels(r));
        Assert.Equal(exit == 79, r.Err.Contains("Analyzers found issues", StringComparison.Ordinal));
        Assert.DoesNotContain("No validation issues", r.Err);
    }

    [Theory]
    [InlineData("Error", 0)]
    [InlineData("Warning", 0)]
    [InlineData("Info", 79)]
    public void Failure_threshold_Info_fails_on_an_info_alone(string threshold, int exit)
    {
        Write("routes.yaml", ThreeLevels[ThreeLevels.LastIndexOf("apiVersion", StringComparison.Ordinal)..]);
        var r = Analyze("--analyzer", VsAnalyzer, "--failure-threshold", threshold, "routes.yaml");
        Assert.Equal(exit, r.ExitCode);
        Assert.Equal(["Info"], Levels(r));
    }

    [Fact]
    public void Unparseable_yaml_exits_65_after_analyzing_the_rest()
    {
        Write("broken.yaml", "kind: VirtualService\nmetadata: [unclosed\n");
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "broken.yaml", "routes.yaml");
        Assert.Equal(65, r.ExitCode);
        Assert.Contains($"failed to parse {Path.Combine(_dir, "broken.yaml")}", r.Err);
        Assert.Contains(ErrorLine, r.OutLines);
    }

    [Theory]
    [InlineData("--analyzer", "virtualservice.NoSuchAnalyzer", "routes.yaml")]
    [InlineData("-S", "IST0130", "routes.yaml")]
    [InlineData("-S", "=VirtualService reviews.default", "routes.yaml")]
    [InlineData("-o", "xml", "routes.yaml")]
    [InlineData("--failure-threshold", "Fatal", "routes.yaml")]
    [InlineData("--output-threshold", "Debug", "routes.yaml")]
    [InlineData("--color", "sometimes", "routes.yaml")]
    [InlineData("missing.yaml")]
    public void Usage_errors_exit_64(params string[] args)
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze(args);
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("error", r.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void No_input_is_a_usage_error()
    {
        var r = Analyze();
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("no input", r.Err);
    }

    [Fact]
    public void Suppress_by_code_and_resource_with_globs()
    {
        Write("routes.yaml", ThreeLevels);
        var exact = Analyze("--analyzer", VsAnalyzer, "-S", "IST0106=VirtualService typo.default", "routes.yaml");
        Assert.Equal(0, exact.ExitCode);
        Assert.Equal(["Warning", "Info"], Levels(exact));

        var globs = Analyze("--analyzer", VsAnalyzer, "-S", "IST013*=VirtualService *.default", "-S", "IST0106=*", "routes.yaml");
        Assert.Equal(0, globs.ExitCode);
        Assert.Equal("", globs.Out);
        Assert.Contains("\u2714 No validation issues found when analyzing namespace: default.", globs.Err);

        var otherNamespace = Analyze("--analyzer", VsAnalyzer, "-S", "IST0106=VirtualService typo.prod", "routes.yaml");
        Assert.Equal(["Error", "Warning", "Info"], Levels(otherNamespace));
    }

    [Theory]
    [InlineData("IST0130, IST0131", new[] { "Error" })]
    [InlineData("IST0131", new[] { "Error", "Warning" })]
    [InlineData("*", new[] { "Error" })]
    public void Analyze_suppress_annotation_silences_codes_on_its_resource(string codes, string[] levels)
    {
        var annotated = ThreeLevels
            .Replace("  name: reviews\n", $"  name: reviews\n  annotations:\n    galley.istio.io/analyze-suppress: \"{codes}\"\n")
            .Replace("  name: ratings\n", $"  name: ratings\n  annotations:\n    galley.istio.io/analyze-suppress: \"{codes}\"\n");
        Write("routes.yaml", annotated);
        var r = Analyze("--analyzer", VsAnalyzer, "routes.yaml");
        Assert.Equal(levels, Levels(r));
    }

    [Fact]
    public void Namespace_flag_keeps_only_that_namespace_and_all_namespaces_keeps_every_one()
    {
        Write("routes.yaml", ThreeLevels.Replace("  name: typo\n", "  name: typo\n  namespace: prod\n"));

        var byDefault = Analyze("--analyzer", VsAnalyzer, "routes.yaml");
        Assert.Equal(0, byDefault.ExitCode);
        Assert.Equal(["Warning", "Info"], Levels(byDefault));

        var prod = Analyze("--analyzer", VsAnalyzer, "-n", "prod", "routes.yaml");
        // Resources without a namespace are put in the analyzed one, as istioctl does.
        Assert.Equal(79, prod.ExitCode);
        Assert.Contains($"(VirtualService prod/typo {Routes}:13)", prod.OutLines[0]);
        Assert.Contains($"(VirtualService prod/reviews {Routes}:26)", prod.OutLines[1]);
        Assert.Contains("Analyzers found issues when analyzing namespace: prod.", prod.Err);

        var all = Analyze("--analyzer", VsAnalyzer, "-A", "routes.yaml");
        Assert.Equal(79, all.ExitCode);
        Assert.Equal(["Error", "Warning", "Info"], Levels(all));
        Assert.Contains($"(VirtualService prod/typo {Routes}:13)", all.OutLines[0]);
        Assert.Contains($"(VirtualService default/reviews {Routes}:26)", all.OutLines[1]);
        Assert.Contains("Analyzers found issues when analyzing all namespaces.", all.Err);
    }

    [Fact]
    public void List_analyzers_names_each_with_its_codes_and_exits_0()
    {
        var r = Analyze("-L");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.OutLines, l => l.StartsWith($"{VsAnalyzer}\tIST0106,IST0133,IST0130,IST0131\t", StringComparison.Ordinal));
        Assert.Contains(r.OutLines, l => l.StartsWith("schema.ValidationAnalyzer.DestinationRule\t", StringComparison.Ordinal));
    }

    [Fact]
    public void Color_always_wraps_error_in_bold_red_and_warning_in_yellow_and_leaves_info_plain()
    {
        Write("routes.yaml", ThreeLevels);
        var r = Analyze("--analyzer", VsAnalyzer, "--color", "always", "routes.yaml");
        Assert.Contains("\u001b[1;31mError\u001b[0m [IST0106]", r.Out);
        Assert.Contains("\u001b[33mWarning\u001b[0m [IST0130]", r.Out);
        Assert.Contains("\nInfo [IST0131]", r.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Color_never_and_redirected_auto_print_no_escapes()
    {
        Write("routes.yaml", ThreeLevels);
        Assert.DoesNotContain("\u001b[", Analyze("--analyzer", VsAnalyzer, "--color", "never", "routes.yaml").Out);
        Assert.DoesNotContain("\u001b[", Analyze("--analyzer", VsAnalyzer, "routes.yaml").Out);
    }

    [Fact]
    public void Consistent_configuration_passes_every_analyzer()
    {
        Write("app.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
            spec:
              selector: {app: reviews}
              ports:
              - name: http
                port: 9080
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - uri: {prefix: /api}
                route:
                - destination: {host: reviews}
              - route:
                - destination: {host: reviews}
            """);
        var r = Analyze("app.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("\u2714 No validation issues found when analyzing namespace: default.", r.Err.Trim());
    }

    [Fact]
    public void Stdin_is_read_with_a_dash()
    {
        var r = CliRunner.RunWithStdin(ThreeLevels, "analyze", "--analyzer", VsAnalyzer, "-");
        Assert.Equal(79, r.ExitCode);
        Assert.StartsWith("Error [IST0106] (VirtualService default/typo -:12)", r.OutLines[0]);
    }
}
