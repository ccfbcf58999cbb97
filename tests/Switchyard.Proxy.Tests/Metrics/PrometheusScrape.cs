using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchyard.Proxy.Tests.Metrics;

/// <summary>A scrape of <c>/stats/prometheus</c> read the way Prometheus reads the text format:
/// one sample per line, <c>name{label="value",...} number</c>; comments skipped.</summary>
public sealed partial class PrometheusScrape
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public List<Sample> Samples { get; } = [];

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var m = SampleLine().Match(line);
            Assert.True(m.Success, $"not a sample line of the text format: {line}");
            var labels = new Dictionary<string, string>();
            foreach (Match l in Label().Matches(m.Groups["labels"].Value))
                labels[l.Groups[1].Value] = l.Groups[2].Value.Replace("\\\"", "\"").Replace("\\n", "\n").Replace("\\\\", "\\");
            var value = m.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            scrape.Samples.Add(new Sample(m.Groups["name"].Value, labels, value));
        }
        return scrape;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every given pair.</summary>
    public double Sum(string name, params (string Label, string Value)[] where) =>
        Samples.Where(s => s.Name == name && where.All(w => s.Labels.GetValueOrDefault(w.Label) == w.Value)).Sum(s => s.Value);

    public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?""")]
    private static partial Regex Label();
}
