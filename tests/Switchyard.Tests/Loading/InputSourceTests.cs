using Switchyard.Loading;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>Where resources come from: files, directories, stdin, JSON, multi-document streams, lists.</summary>
public class InputSourceTests
{
    private const string VsJson = """
        {
          "apiVersion": "networking.istio.io/v1",
          "kind": "VirtualService",
          "metadata": {"name": "reviews", "namespace": "shop"},
          "spec": {
            "hosts": ["reviews"],
            "http": [{"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 100}]}]
          }
        }
        """;

    private static string Named(string kind, string name) => $"""
        apiVersion: networking.istio.io/v1
        kind: {kind}
        metadata:
          name: {name}
        spec: {"{}"}

        """;

    [Fact]
    public void A_json_file_loads_with_lines()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("vs.json", VsJson);

        var result = ConfigLoader.LoadPaths([file]);

        Assert.Empty(result.AllDiagnostics);
        var vs = Assert.IsType<VirtualService>(Assert.Single(result.Resources));
        Assert.Equal(100, vs.Spec.Http![0]!.Route![0]!.Weight);
        Assert.Equal(file, vs.Span.File);
        Assert.Equal(7, vs.SpanOf("spec.http").Line);
    }

    [Fact]
    public void Json_on_stdin_is_read_for_the_dash_path()
    {
        var result = ConfigLoader.LoadPaths(["-"], new LoadOptions { Stdin = new StringReader(VsJson) });

        Assert.Empty(result.AllDiagnostics);
        var vs = Assert.IsType<VirtualService>(Assert.Single(result.Resources));
        Assert.Equal("shop", vs.Namespace);
        Assert.Equal("-", vs.Span.File);
        Assert.Equal(["-"], result.Files);
    }

    [Fact]
    public void Multi_document_yaml_loads_every_document_in_order_with_its_own_lines()
    {
        var result = Load("---\n" + Named("VirtualService", "a") + "---\n# only a comment\n---\n" + Named("DestinationRule", "b") + "...\n");

        Assert.Empty(result.AllDiagnostics);
        Assert.Equal(["a", "b"], result.Resources.Select(r => r.Name));
        Assert.Equal(2, result.Resources[0].Span.Line);
        Assert.Equal(10, result.Resources[1].Span.Line);
    }

    [Fact]
    public void A_kind_List_loads_its_items()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: VirtualService
              metadata: {name: a}
              spec: {hosts: [a]}
            - apiVersion: v1
              kind: Service
              metadata: {name: a}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: c}
            """);

        Assert.Empty(result.AllDiagnostics);
        Assert.Equal([typeof(VirtualService), typeof(Service)], result.Resources.Select(r => r.GetType()));
        Assert.Equal(4, result.Resources[0].Span.Line);
        Assert.Equal("ConfigMap", Assert.Single(result.Skipped).Kind);
    }

    [Fact]
    public void A_typed_list_such_as_ServiceList_loads_its_items_too()
    {
        var result = Load("""
            apiVersion: v1
            kind: ServiceList
            items:
            - {apiVersion: v1, kind: Service, metadata: {name: a}}
            """);
        Assert.IsType<Service>(Assert.Single(result.Resources));
    }

    [Fact]
    public void List_items_that_are_not_a_list_are_an_error()
    {
        var error = OneFieldError("apiVersion: v1\nkind: List\nitems: {a: 1}\n");
        Assert.Equal("items", error.FieldPath);
        Assert.Equal(3, error.Span.Line);
    }

    [Fact]
    public void A_directory_is_read_recursively_in_a_stable_order_taking_only_yaml_yml_and_json()
    {
        using var dir = new TempDirectory();
        dir.Write("b.yaml", Named("VirtualService", "b"));
        dir.Write("a.yml", Named("VirtualService", "a"));
        dir.Write("nested/deeper/c.json", """{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"c"},"spec":{}}""");
        dir.Write("nested/d.YAML", Named("VirtualService", "d"));
        dir.Write("notes.txt", "not: [yaml");
        dir.Write("README.md", "# docs");
        dir.Write("kustomization.yaml.bak", "broken: [");

        var result = ConfigLoader.LoadPaths([dir.Path]);

        Assert.Empty(result.AllDiagnostics);
        // Ordinal order of the full paths: "nested/d.YAML" sorts before "nested/deeper/" ('.' < 'e').
        Assert.Equal(["a", "b", "d", "c"], result.Resources.Select(r => r.Name));
        Assert.Equal(["a.yml", "b.yaml", "nested/d.YAML", "nested/deeper/c.json"],
            result.Files.Select(f => Path.GetRelativePath(dir.Path, f).Replace('\\', '/')));
        Assert.Equal(ConfigLoader.FilesUnder(dir.Path), ConfigLoader.FilesUnder(dir.Path));
    }

    [Fact]
    public void Namespace_comes_from_metadata_else_from_the_default_namespace_option()
    {
        const string text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a, namespace: shop}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: b}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: c, namespace: null}
            """;

        Assert.Equal(["shop", "default", "default"], Load(text).Resources.Select(r => r.Namespace));
        Assert.Equal(["shop", "team", "team"],
            Load(text, new LoadOptions { DefaultNamespace = "team" }).Resources.Select(r => r.Namespace));
    }

    [Fact]
    public void Diagnostics_name_the_namespace_the_resource_will_get()
    {
        var result = Load("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec: {hostz: []}\n",
            new LoadOptions { DefaultNamespace = "team" });
        Assert.Equal("VirtualService team/a", Assert.Single(result.FieldErrors).Resource!.ToString());
    }

    [Fact]
    public void Unknown_kinds_are_skipped_never_an_error_and_istio_ones_warned_about()
    {
        var result = Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: gw}
            spec: {action: DENY}
            ---
            apiVersion: security.istio.io/v1
            kind: VirtualService
            metadata: {name: wrong-group}
            """);

        Assert.Empty(result.AllDiagnostics);
        Assert.Empty(result.Resources);
        Assert.Equal(["ConfigMap settings", "AuthorizationPolicy gw", "VirtualService wrong-group"], result.Skipped.Select(s => $"{s.Kind} {s.Name}"));
        Assert.Equal([1, 6, 11], result.Skipped.Select(s => s.Span.Line));
        // Skipped, but not silently when an Istio user may think it is enforced or misplaced.
        Assert.Equal(
            ["AuthorizationPolicy security.istio.io/v1 is not enforced by Switchyard; ignored", "security.istio.io has no kind VirtualService; ignored"],
            result.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void A_missing_file_is_an_input_error_and_other_inputs_still_load()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.yaml", Named("VirtualService", "good"));
        var missing = Path.Combine(dir.Path, "missing.yaml");

        var result = ConfigLoader.LoadPaths([missing, good]);

        var error = Assert.Single(result.InputErrors);
        Assert.Contains(missing, error.Message);
        Assert.Equal(missing, error.Span.File);
        Assert.Empty(result.SyntaxErrors);
        Assert.Equal("good", Assert.Single(result.Resources).Name);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_an_error()
    {
        var error = OneFieldError("- just\n- a list\n");
        Assert.Contains("expected a Kubernetes object", error.Message);
        Assert.Equal(1, error.Span.Line);
    }

    [Fact]
    public void Empty_input_loads_nothing_without_error()
    {
        var result = Load("# nothing here\n---\n---\n");
        Assert.Empty(result.AllDiagnostics);
        Assert.Empty(result.Resources);
    }
}
