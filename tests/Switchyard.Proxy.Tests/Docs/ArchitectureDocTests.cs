using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Switchyard.Proxy.Hosting;
using Switchyard.Sources;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Tests.Docs;

/// <summary>
/// docs/architecture.md names files and types in backticks; design.md's rule is that a doc that
/// describes types is checked by a test or not written. Every backticked path must be a file or
/// folder of the repository, and every backticked type (and Type.Member) must exist.
/// </summary>
public partial class ArchitectureDocTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(IConfigSource).Assembly, typeof(SwitchyardHost).Assembly, typeof(SeededRandom).Assembly,
        typeof(IHttpForwarder).Assembly, typeof(ILoggerFactory).Assembly, typeof(TimeProvider).Assembly, typeof(Volatile).Assembly,
    ];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$")]
    private static partial Regex TypeName();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchyard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IEnumerable<string> Quotes()
    {
        var text = File.ReadAllText(Path.Combine(Root(), "docs", "architecture.md"));
        return Quoted().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_path_the_page_names_exists()
    {
        var root = Root();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => "/" + Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();
        var paths = Quotes().Where(q => !q.StartsWith("../", StringComparison.Ordinal) && !q.Contains(' ') && !q.Contains('<')
            && (q.EndsWith(".cs", StringComparison.Ordinal) || q.StartsWith("src/", StringComparison.Ordinal) || q.StartsWith("tests/", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(paths);
        var missing = paths.Where(p => !files.Any(f => f.EndsWith("/" + p.TrimStart('.', '/'), StringComparison.Ordinal))
                                       && !Directory.Exists(Path.Combine(root, p))).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_type_and_member_the_page_names_exists()
    {
        var types = Assemblies.SelectMany(a => a.GetTypes()).ToLookup(t => t.Name.Split('`')[0], StringComparer.Ordinal);
        var names = Quotes().Where(q => TypeName().IsMatch(q)).ToList();
        Assert.Contains("SwitchyardHost", names);
        var missing = new List<string>();
        foreach (var name in names)
        {
            var parts = name.Split('.');
            var candidates = types[parts[0]].ToList();
            if (candidates.Count == 0) { missing.Add(name); continue; }
            const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            if (parts.Length == 2 && !candidates.Any(t => t.GetMember(parts[1], Any).Length > 0)) missing.Add(name);
        }
        Assert.True(missing.Count == 0, "docs/architecture.md names types or members that do not exist: " + string.Join(", ", missing));
    }
}
