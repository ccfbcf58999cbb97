using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.Headers;

/// <summary>
/// One Envoy HeaderParser: the request or response header operations of one level (route, or one
/// weighted destination). Envoy's evaluateHeaders removes first, then overwrites (in order, so a
/// later set of the same name wins), then appends; a value that is empty is skipped (Istio never
/// sets keep_empty_value). Names are lowercase, as Envoy's LowerCaseString keys.
/// </summary>
public sealed class HeaderMutation
{
    private HeaderMutation(string[] remove, KeyValuePair<string, string>[] set, KeyValuePair<string, string>[] append)
    {
        Remove = remove;
        Set = set;
        Append = append;
    }

    /// <summary>Names removed (all values) before anything is set or added.</summary>
    public string[] Remove { get; }

    /// <summary>OVERWRITE_IF_EXISTS_OR_ADD: every value of the name is replaced by this one.</summary>
    public KeyValuePair<string, string>[] Set { get; }

    /// <summary>APPEND_IF_EXISTS_OR_ADD: one more value of the name.</summary>
    public KeyValuePair<string, string>[] Append { get; }

    /// <summary>
    /// Compiles the operations of one or more levels that Envoy evaluates as one parser: Istio
    /// appends a single destination's operations to the route's own lists (pilot's
    /// processDestination), so the two share one remove/overwrite/append pass. Null when nothing is left.
    /// </summary>
    public static HeaderMutation? Compile(params HeaderOperations?[] levels)
    {
        var remove = new List<string>();
        var set = new List<KeyValuePair<string, string>>();
        var append = new List<KeyValuePair<string, string>>();
        foreach (var ops in levels)
        {
            if (ops is null) continue;
            foreach (var name in ops.Remove ?? [])
                if (!string.IsNullOrEmpty(name) && !IsInternal(name)) remove.Add(name.ToLowerInvariant());
            // Istio sorts each of set and add by name (translateAppendHeaders), set before add.
            AddSorted(set, ops.Set);
            AddSorted(append, ops.Add);
        }
        return remove.Count == 0 && set.Count == 0 && append.Count == 0
            ? null
            : new HeaderMutation(remove.ToArray(), set.ToArray(), append.ToArray());
    }

    /// <summary>
    /// The authority a set or add of <c>:authority</c> / <c>host</c> asks for (Istio turns it into
    /// the route's host_rewrite_literal; set wins over add), or null.
    /// </summary>
    public static string? AuthorityOf(HeaderOperations? ops)
    {
        if (ops is null) return null;
        return Authority(ops.Set) ?? Authority(ops.Add);
    }

    private static string? Authority(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null) return null;
        string? found = null;
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
            if (IsAuthority(name) && !string.IsNullOrEmpty(value)) found = value;
        return found;
    }

    private static void AddSorted(List<KeyValuePair<string, string>> into, IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null) return;
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            // Envoy skips an operation whose value is empty; pseudo-headers and host are Envoy's own.
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value) || IsInternal(name)) continue;
            into.Add(new(name.ToLowerInvariant(), value));
        }
    }

    // pilot's isInternalHeader / isAuthorityHeader.
    private static bool IsInternal(string name) => name.StartsWith(':') || name.Equals("host", StringComparison.OrdinalIgnoreCase);

    private static bool IsAuthority(string name) =>
        name.Equals(":authority", StringComparison.OrdinalIgnoreCase) || name.Equals("host", StringComparison.OrdinalIgnoreCase);
}
