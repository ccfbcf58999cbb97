namespace Switchyard.Translation.Policies.Redirect;

/// <summary>
/// A rule's <c>redirect</c> as pilot hands it to Envoy's RedirectAction: scheme_redirect,
/// host_redirect, port_redirect (an explicit port, or for FROM_REQUEST_PORT the port the request
/// came in on — pilot uses the route's listener port), path_redirect and the response code.
/// FROM_PROTOCOL_DEFAULT sets no port, so Envoy keeps the request's host as it is, dropping
/// its port only when the scheme changes away from that port's default (see <see cref="RedirectLocation"/>).
/// </summary>
public sealed record RedirectPolicy(string? Scheme, string? Host, uint? Port, bool PortFromRequest, string? Path, int Status)
{
    /// <summary>Envoy's direct-response Location (a 201 or 3xx <c>directResponse</c>): the request's own URL.</summary>
    public static readonly RedirectPolicy SameUrl = new(null, null, null, false, null, 301);

    /// <summary>Envoy: a path_redirect with a query replaces the request's query; without, keeps it.</summary>
    public bool PathHasQuery { get; } = Path?.Contains('?') == true;

    public static RedirectPolicy? Compile(Model.Networking.HTTPRedirect? redirect)
    {
        if (redirect is null) return null;
        return new RedirectPolicy(
            string.IsNullOrEmpty(redirect.Scheme) ? null : redirect.Scheme,
            string.IsNullOrEmpty(redirect.Authority) ? null : redirect.Authority,
            redirect.Port is > 0 ? redirect.Port : null,
            redirect.Port is null or 0 && redirect.DerivePort == Model.Networking.RedirectPortSelection.FROM_REQUEST_PORT,
            string.IsNullOrEmpty(redirect.Uri) ? null : redirect.Uri,
            StatusOf(redirect.RedirectCode));
    }

    /// <summary>Pilot maps 0 (unset) to 301 and passes 301, 302, 303, 307, 308 on; Envoy's
    /// RedirectResponseCode has no other value, so any other 3xx that validation let through
    /// is kept as written rather than silently changed.</summary>
    private static int StatusOf(uint? code) => code is null or 0 ? 301 : (int)code.Value;
}
