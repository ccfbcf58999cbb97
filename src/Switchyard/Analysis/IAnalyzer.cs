namespace Switchyard.Analysis;

/// <summary>
/// One cross-resource check, named as in istioctl (<c>virtualservice.DestinationRuleAnalyzer</c>)
/// so <c>--analyzer</c> and <c>-L</c> take the same names.
/// </summary>
public interface IAnalyzer
{
    string Name { get; }

    string Description { get; }

    /// <summary>The codes this analyzer can emit (for <c>-L</c>).</summary>
    IReadOnlyList<MessageType> Produces { get; }

    void Analyze(AnalysisContext context);
}
