using System.Globalization;
using Switchyard.Diagnostics;

namespace Switchyard.Analysis;

/// <summary>One istioctl message code: code, name, level and the message template
/// (Istio's Go format string rewritten with C# placeholders).</summary>
public sealed record MessageType(string Code, string Name, Severity Level, string Template)
{
    public string Format(params object[] args) => string.Format(CultureInfo.InvariantCulture, Template, args);

    /// <summary>istioctl's documentation link for the code.</summary>
    public string DocumentationUrl => DiagnosticFormatter.DocumentationUrl(Code);
}
