using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>
/// A rule's compiled <c>match</c> list: OR across entries, AND within one; an empty list matches
/// everything. PLACEHOLDER: being written (exact/prefix/regex RE2 full match, ignoreUriCase,
/// headers, withoutHeaders, queryParams, method, authority, scheme, port, sourceLabels).
/// </summary>
public sealed class RouteMatcher
{
    private RouteMatcher() { }

    /// <summary>Compiles a rule's matches. <paramref name="workloadLabels"/> are the proxy's own
    /// labels (<c>--workload-labels</c>): a match whose sourceLabels they do not carry can never hold.</summary>
    public static RouteMatcher Compile(IReadOnlyList<HTTPMatchRequest?>? matches, IReadOnlyDictionary<string, string> workloadLabels)
    {
        _ = matches;
        _ = workloadLabels;
        return new RouteMatcher();
    }

    /// <summary>Whether the request satisfies the rule's match list.</summary>
    public bool Matches(IRequestView request)
    {
        _ = request;
        return true;
    }
}
