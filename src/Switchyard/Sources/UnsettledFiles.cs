using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// Tells a file caught mid-write from one that was really emptied, removed or broken. A shell's
/// <c>cat &gt; vs.yaml</c> truncates the file first, and an editor may delete and re-create it, so
/// a reload can see it empty, missing, half-written (a syntax error) or cut between documents.
/// Taking that at face value removes its routes until the next reload: thousands of 404s in a
/// reload storm. So when a file that answers for live resources loses any of them, the round
/// keeps the file's resources and asks for one more read after the settle period; only when the
/// file reads the same again, that much later, is the loss accepted. A file that only gains or
/// changes resources is taken at once: a half-written file that still parses and still defines
/// everything it did cannot be told from an edit.
/// </summary>
internal sealed class UnsettledFiles(TimeProvider time, TimeSpan settle)
{
    private readonly Dictionary<string, Sighting> _sightings = new(StringComparer.Ordinal);

    /// <summary>
    /// The reads to admit this round: each unsettled file replaced by a held read (missing files
    /// put back where they were), and in <paramref name="held"/> why each was held. The caller
    /// schedules one more round after the settle period when anything was held.
    /// </summary>
    public IReadOnlyList<FileRead> Settle(IReadOnlyList<AdmittedResource> previous, IReadOnlyList<FileRead> reads,
        IReadOnlyList<string> previousFiles, out List<HeldFile> held)
    {
        held = [];
        var byFile = new Dictionary<string, int>(reads.Count, StringComparer.Ordinal);
        for (var i = 0; i < reads.Count; i++) byFile.TryAdd(reads[i].File, i);
        var result = new List<FileRead>(reads);
        var missing = new List<FileRead>();
        var suspicious = new HashSet<string>(StringComparer.Ordinal);

        foreach (var group in previous.GroupBy(a => a.File, StringComparer.Ordinal))
        {
            var index = byFile.TryGetValue(group.Key, out var i) ? i : -1;
            var read = index >= 0 ? reads[index] : null;
            if (Loss(read, group) is not { } reason) continue;
            suspicious.Add(group.Key);
            if (Accepted(group.Key, read?.Text)) continue;
            var note = new Diagnostic
            {
                Severity = Severity.Info,
                Message = $"{group.Key} {reason}; its {group.Count()} resource(s) stay live until it reads the same {settle.TotalMilliseconds:0} ms later (a save in progress?)",
                Span = new SourceSpan(group.Key, 0, 0),
            };
            held.Add(new HeldFile(group.Key, reason, group.Count(), note));
            if (index >= 0) result[index] = FileRead.Held(group.Key, note);
            else missing.Add(FileRead.Held(group.Key, note));
        }
        foreach (var file in _sightings.Keys.Where(f => !suspicious.Contains(f)).ToList()) _sightings.Remove(file);
        foreach (var gone in missing) PutBack(result, gone, previousFiles);
        return result;
    }

    /// <summary>Why the file's live resources would go, or null when none would.</summary>
    private static string? Loss(FileRead? read, IEnumerable<AdmittedResource> live)
    {
        if (read is null) return "is gone";
        var result = read.Result!;
        // Too large to read: the file keeps everything it held, so nothing is lost to wait out.
        if (result.InputErrors.Count > 0) return null;
        if (result.SyntaxErrors.Count > 0) return "does not parse";
        var present = result.Resources.Select(r => r.Ref).Concat(result.FieldErrors.Select(e => e.Resource).OfType<ResourceRef>()).ToHashSet();
        var lost = live.Select(a => a.Key).Where(k => !present.Contains(k)).ToList();
        if (lost.Count == 0) return null;
        return present.Count == 0 ? "is empty" : $"no longer defines {string.Join(", ", lost.Take(3))}{(lost.Count > 3 ? ", ..." : "")}";
    }

    /// <summary>Whether this state of the file (its text; null when gone) has now lasted the settle period.</summary>
    private bool Accepted(string file, string? text)
    {
        var now = time.GetTimestamp();
        if (_sightings.TryGetValue(file, out var seen) && seen.Text == text)
        {
            if (seen.Accepted) return true;
            if (time.GetElapsedTime(seen.At, now) >= settle)
            {
                _sightings[file] = seen with { Accepted = true };
                return true;
            }
            return false;
        }
        _sightings[file] = new Sighting(text, now, Accepted: false);
        return false;
    }

    /// <summary>A held file that is gone goes back to its place in the last round's file order.</summary>
    private static void PutBack(List<FileRead> reads, FileRead gone, IReadOnlyList<string> previousFiles)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < previousFiles.Count; i++) order.TryAdd(previousFiles[i], i);
        var at = order.GetValueOrDefault(gone.File, int.MaxValue);
        var index = reads.FindIndex(r => order.TryGetValue(r.File, out var o) && o > at);
        reads.Insert(index < 0 ? reads.Count : index, gone);
    }

    private sealed record Sighting(string? Text, long At, bool Accepted);
}

/// <summary>A file held back this round: which, why, how many live resources it keeps, and the note in the set.</summary>
internal sealed record HeldFile(string File, string Reason, int Resources, Diagnostic Note);
