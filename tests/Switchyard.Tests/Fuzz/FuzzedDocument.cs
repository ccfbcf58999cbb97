using System.Text;
using Switchyard.Tests.Loading;

namespace Switchyard.Tests.Fuzz;

/// <summary>
/// Document number <c>n</c> of a fuzz run: a seed document (the examples and two rich ones)
/// damaged structurally (<see cref="YamlMutator"/>: lines lost, doubled, swapped, re-indented,
/// wrong scalars, YAML metacharacters), byte-wise (<see cref="ByteMutator"/>), both, or replaced
/// by token soup. Derived from (seed, n) alone, so any document is reproduced by its number
/// whatever the thread that made it.
/// </summary>
internal static class FuzzedDocument
{
    public static byte[] Make(IReadOnlyList<string> seeds, int seed, long n)
    {
        var random = new Random(unchecked((int)(seed * 1_000_003L + n * 7_919L) ^ (int)(n >> 32)));
        var mutator = new YamlMutator(random);
        var text = seeds[random.Next(seeds.Count)];
        return random.Next(10) switch
        {
            < 4 => Encoding.UTF8.GetBytes(mutator.Mutate(text)),
            4 => Encoding.UTF8.GetBytes(mutator.TokenSoup(random.Next(2) == 0 ? null : text[..random.Next(text.Length)])),
            < 8 => ByteMutator.Mutate(Encoding.UTF8.GetBytes(text), random),
            _ => ByteMutator.Mutate(Encoding.UTF8.GetBytes(mutator.Mutate(text)), random),
        };
    }
}
