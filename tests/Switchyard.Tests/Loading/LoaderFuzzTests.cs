using System.Text;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Validation;

namespace Switchyard.Tests.Loading;

/// <summary>
/// Damaged, random and hostile input: the loader and the validator never throw, always return,
/// and every message they produce says what, how bad and where.
/// </summary>
public class LoaderFuzzTests
{
    private const int Mutations = 3500;
    private const int Soups = 1500;

    // A hang detector, not a timing assertion: hostile input must come back at all.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Mutated_documents_load_and_validate_without_throwing()
    {
        var random = new Random(12345);
        var mutator = new YamlMutator(random);
        var seeds = FuzzCorpus.Seeds();
        for (var i = 0; i < Mutations; i++)
            LoadAndCheck(mutator.Mutate(seeds[i % seeds.Count]), $"mutation {i}");
    }

    [Fact]
    public void Random_token_soup_loads_and_validates_without_throwing()
    {
        var random = new Random(12345);
        var mutator = new YamlMutator(random);
        string?[] prefixes = [null, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n  "];
        for (var i = 0; i < Soups; i++)
            LoadAndCheck(mutator.TokenSoup(prefixes[i % 2]), $"soup {i}");
    }

    public static TheoryData<string> HostileCases => [.. Hostile.Keys];

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task Hostile_input_is_refused_or_loaded_without_hanging(string name)
    {
        var text = Hostile[name]();
        await Task.Run(() => LoadAndCheck(text, name), TestContext.Current.CancellationToken).WaitAsync(HangLimit, TestContext.Current.CancellationToken);
    }

    private static readonly Dictionary<string, Func<string>> Hostile = new()
    {
        ["flow nesting 10,000 deep"] = () => new string('[', 10_000) + new string(']', 10_000),
        ["unclosed flow nesting 10,000 deep"] = () => "a: " + new string('{', 5_000) + new string('[', 5_000),
        ["block nesting 1,000 deep"] = () => string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n")),
        ["billion laughs"] = () => BillionLaughs("lol"),
        ["billion laughs in a VirtualService"] = () => VsEnvelope + "  hosts: *l9\n  http: *l9\n" + BillionLaughs("  x"),
        ["alias fan-out of 200,000 matches"] = AliasFanOut,
        ["1 MB scalar"] = () => VsEnvelope + "  hosts: [" + new string('a', 1 << 20) + "]\n",
        ["1 MB key"] = () => VsEnvelope + "  " + new string('k', 1 << 20) + ": 1\n",
        ["1 MB duration"] = () => VsEnvelope + "  http: [{timeout: " + new string('9', 1 << 20) + "s}]\n",
        ["1 MB number"] = () => VsEnvelope + "  http: [{route: [{weight: " + new string('9', 1 << 20) + "}]}]\n",
        ["1 MB enum"] = () => "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: x}\nspec:\n  trafficPolicy: {loadBalancer: {simple: " + new string('R', 1 << 20) + "}}\n",
        ["100k unknown keys"] = () => VsEnvelope + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"  k{i}: {i}\n")),
        ["100k labels"] = () => "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels:\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"    k{i}: v\n")),
    };

    private const string VsEnvelope = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n";

    /// <summary>The classic: nine levels of ten aliases each, a billion leaves if expanded.</summary>
    private static string BillionLaughs(string firstKey)
    {
        var sb = new StringBuilder();
        sb.Append(firstKey).Append("0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var indent = firstKey[..(firstKey.Length - firstKey.TrimStart().Length)];
        for (var i = 1; i <= 9; i++)
            sb.Append(indent).Append($"l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        return sb.ToString();
    }

    /// <summary>
    /// Aliases where the binder recurses into typed fields: 200 rules sharing one list of 1,000
    /// matches is 200,000 matches from 30 KB of text, past the binder's node budget.
    /// </summary>
    private static string AliasFanOut() =>
        VsEnvelope
        + "  tcp: [{match: &ms [" + string.Join(", ", Enumerable.Repeat("{port: 1, gateways: [a]}", 1_000)) + "]}]\n"
        + "  http: [" + string.Join(", ", Enumerable.Repeat("{match: *ms, route: [{destination: {host: a}}]}", 200)) + "]\n";

    private static void LoadAndCheck(string text, string label)
    {
        LoadResult result;
        var diagnostics = new List<Diagnostic>();
        try
        {
            result = ConfigLoader.LoadText(text, "fuzz.yaml");
            foreach (var resource in result.Resources) diagnostics.AddRange(ResourceValidator.Validate(resource));
        }
        catch (Exception ex)
        {
            Assert.Fail($"{label} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{Excerpt(text)}\n--- stack ---\n{ex.StackTrace}");
            return;
        }
        foreach (var d in result.InputErrors) CheckDiagnostic(d, text, label, needsLine: false);
        foreach (var d in result.SyntaxErrors.Concat(result.FieldErrors).Concat(diagnostics)) CheckDiagnostic(d, text, label, needsLine: true);
        foreach (var r in result.Resources) Assert.Equal("fuzz.yaml", r.Span.File);
    }

    private static void CheckDiagnostic(Diagnostic d, string text, string label, bool needsLine)
    {
        var ok = !string.IsNullOrWhiteSpace(d.Message)
            && Enum.IsDefined(d.Severity)
            && d.Span.File == "fuzz.yaml"
            && (!needsLine || d.Span.Line > 0);
        if (!ok) Assert.Fail($"{label}: malformed diagnostic {d}\n--- input ---\n{Excerpt(text)}");
    }

    private static string Excerpt(string text) => text.Length <= 2_000 ? text : text[..2_000] + $"... ({text.Length} chars)";
}
