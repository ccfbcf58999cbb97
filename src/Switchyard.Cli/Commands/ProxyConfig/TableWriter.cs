namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>Aligned columns as istioctl prints them (Go's tabwriter, padding 5 by default): each
/// column as wide as its widest cell plus the padding; the last column unpadded.</summary>
public static class TableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int padding = 5)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
            for (var i = 0; i < row.Count; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        foreach (var row in all)
        {
            var line = new System.Text.StringBuilder();
            for (var i = 0; i < row.Count; i++)
            {
                if (i == row.Count - 1) line.Append(row[i]);
                else line.Append(row[i].PadRight(widths[i] + padding));
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
