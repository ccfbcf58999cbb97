using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// <c>labelSelector</c> and <c>fieldSelector</c> as the API server reads them:
/// <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>
/// for labels; <c>metadata.name</c> and <c>metadata.namespace</c> with <c>=</c>, <c>==</c>,
/// <c>!=</c> for fields (what <c>kubectl delete --wait</c> and informers use).
/// </summary>
internal static class Selectors
{
    public static Func<StoredObject, bool> Parse(string? labelSelector, string? fieldSelector)
    {
        var tests = new List<Func<JsonObject, bool>>();
        foreach (var term in SplitTerms(labelSelector)) tests.Add(LabelTerm(term));
        foreach (var term in SplitTerms(fieldSelector)) tests.Add(FieldTerm(term));
        return o => tests.TrueForAll(t => t(o.Object));
    }

    private static Func<JsonObject, bool> LabelTerm(string term)
    {
        string? Label(JsonObject o, string key) => o["metadata"]?["labels"]?[key]?.GetValue<string>();
        var set = term.IndexOf(" in ", StringComparison.Ordinal) is var i and > 0 ? (i, false)
            : term.IndexOf(" notin ", StringComparison.Ordinal) is var j and > 0 ? (j, true) : (-1, false);
        if (set.Item1 > 0)
        {
            var key = term[..set.Item1].Trim();
            var values = term[(term.IndexOf('(') + 1)..term.LastIndexOf(')')].Split(',', StringSplitOptions.TrimEntries).ToHashSet();
            return set.Item2 ? o => Label(o, key) is not { } v || !values.Contains(v) : o => Label(o, key) is { } v && values.Contains(v);
        }
        if (Split(term) is var (k, op, value))
            return op == "!=" ? o => Label(o, k) != value : o => Label(o, k) == value;
        if (term.StartsWith('!')) return o => Label(o, term[1..].Trim()) is null;
        return o => Label(o, term.Trim()) is not null;
    }

    private static Func<JsonObject, bool> FieldTerm(string term)
    {
        if (Split(term) is not var (field, op, value)) throw StatusError.BadRequest($"invalid field selector: {term}");
        Func<JsonObject, string?> get = field switch
        {
            "metadata.name" => o => o["metadata"]?["name"]?.GetValue<string>(),
            "metadata.namespace" => o => o["metadata"]?["namespace"]?.GetValue<string>(),
            _ => throw StatusError.BadRequest($"field label not supported: {field}"),
        };
        return op == "!=" ? o => get(o) != value : o => get(o) == value;
    }

    private static (string, string, string)? Split(string term)
    {
        foreach (var op in new[] { "!=", "==", "=" })
            if (term.IndexOf(op, StringComparison.Ordinal) is var at and > 0)
                return (term[..at].Trim(), op, term[(at + op.Length)..].Trim());
        return null;
    }

    /// <summary>Terms split at commas outside parentheses.</summary>
    private static IEnumerable<string> SplitTerms(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector)) yield break;
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= selector.Length; i++)
        {
            if (i < selector.Length && selector[i] == '(') depth++;
            else if (i < selector.Length && selector[i] == ')') depth--;
            else if (i == selector.Length || (selector[i] == ',' && depth == 0))
            {
                var term = selector[start..i].Trim();
                if (term.Length > 0) yield return term;
                start = i + 1;
            }
        }
    }
}
