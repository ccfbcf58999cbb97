using Switchyard.Cli;
using Switchyard.Tests.Loading;

namespace Switchyard.Tests.Fuzz;

/// <summary>
/// The short variant of bench/soak.sh's fuzz run: the first documents of the same seeded
/// sequence (examples damaged structurally and byte-wise, token soup) through
/// <c>switchyard validate -f -</c> in-process, as the soak runs a million. Every document gets a
/// verdict the command defines (exit 0 and "✔", exit 1 and "✘", or exit 2 with an error line on
/// stderr), and no exception reaches the command line's handler.
/// </summary>
public class ValidateFuzzTests
{
    private const int Documents = 2_000;
    private const int Seed = 1;

    [Fact]
    public void Fuzzed_documents_through_validate_each_get_a_verdict_and_none_throws()
    {
        var seeds = FuzzCorpus.Seeds();
        var verdicts = new int[3];
        for (var n = 0; n < Documents; n++)
        {
            var doc = FuzzedDocument.Make(seeds, Seed, n);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit;
            using (var stdin = new StreamReader(new MemoryStream(doc)))
                exit = CliApp.Run(["validate", "-f", "-"], stdout, stderr, stdin);
            var (output, errors) = (stdout.ToString(), stderr.ToString());
            var context = $"document {n} (seed {Seed}): exit {exit}\n--- stderr ---\n{errors}\n--- stdout ---\n{output}";
            Assert.False(errors.Contains("Unhandled exception", StringComparison.Ordinal) || errors.Contains("   at ", StringComparison.Ordinal), context);
            var last = output.TrimEnd('\n').Split('\n')[^1];
            switch (exit)
            {
                case 0: Assert.StartsWith("✔ ", last); break;
                case 1: Assert.StartsWith("✘ ", last); break;
                case 2: Assert.Contains("error", errors, StringComparison.OrdinalIgnoreCase); break;
                default: Assert.Fail(context); break;
            }
            verdicts[exit]++;
        }
        // The mutations reach every verdict, so none of the three paths goes untested.
        Assert.All(verdicts, v => Assert.True(v > 0, $"verdicts {string.Join("/", verdicts)}"));
    }

    [Fact]
    public void A_fuzzed_document_is_the_same_bytes_for_the_same_seed_and_number()
    {
        var seeds = FuzzCorpus.Seeds();
        Assert.Equal(FuzzedDocument.Make(seeds, Seed, 1234), FuzzedDocument.Make(seeds, Seed, 1234));
        Assert.NotEqual(FuzzedDocument.Make(seeds, Seed, 1234), FuzzedDocument.Make(seeds, Seed, 1235));
    }
}
