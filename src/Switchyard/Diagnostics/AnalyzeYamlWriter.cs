using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchyard.Diagnostics;

/// <summary>
/// Writes <c>analyze -o yaml</c>'s list of string maps through YamlDotNet's emitter, which picks
/// plain or quoted style per value exactly as its reflection-based serializer did, without that
/// serializer's reflection (it cannot run in the NativeAOT build of the CLI).
/// </summary>
internal static class AnalyzeYamlWriter
{
    public static string Write(IReadOnlyList<Dictionary<string, string>> rows)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Any));
        foreach (var row in rows)
        {
            emitter.Emit(new MappingStart(null, null, true, MappingStyle.Any));
            foreach (var (key, value) in row)
            {
                emitter.Emit(new Scalar(key));
                emitter.Emit(new Scalar(null, null, value, ScalarStyle.Any, true, true));
            }
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new SequenceEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }
}
