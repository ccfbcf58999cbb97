namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// One reachability finding of a VirtualService (IST0130 or IST0131), ready for
/// <see cref="AnalysisContext.Report"/>: the code, the field whose line it belongs on
/// (<c>spec.http[2]</c> for a rule, <c>spec.http[2].match[0]</c> for a match), a fix hint and
/// the message arguments in Istio's order.
/// </summary>
public sealed record ReachabilityFinding(MessageType Type, string FieldPath, string? Hint, IReadOnlyList<string> Args);
