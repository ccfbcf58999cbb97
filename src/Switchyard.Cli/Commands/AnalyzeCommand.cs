using System.CommandLine;
using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard analyze</c>: a drop-in for <c>istioctl analyze --use-kube=false</c> on files,
/// with its output formats and exit codes, plus a fix hint under each message when one is knowable.
/// </summary>
public static class AnalyzeCommand
{
    // istioctl's sysexits: 79 analyzers found issues, 65 unparseable input, 64 usage error.
    public const int ExitOk = 0, ExitIssues = 79, ExitParse = 65, ExitUsage = 64;

    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or directories to analyze ('-' = stdin).", Arity = ArgumentArity.ZeroOrMore };
        var files = new Option<string[]>("--filename", "-f") { Description = "Also analyze these files or directories. Repeatable.", AllowMultipleArgumentsPerToken = true };
        var ns = new Option<string>("--namespace", "-n") { Description = "Namespace to analyze; resources without one are put there.", DefaultValueFactory = _ => "default" };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Analyze every namespace." };
        var output = new Option<string>("--output", "-o") { Description = "Output format: log, json or yaml.", DefaultValueFactory = _ => "log" };
        output.AcceptOnlyFromAmong("log", "json", "yaml");
        var failure = new Option<Severity>("--failure-threshold") { Description = "Lowest level that makes the exit code non-zero (Info, Warning, Error).", DefaultValueFactory = _ => Severity.Error };
        var outputThreshold = new Option<Severity>("--output-threshold") { Description = "Lowest level printed (Info, Warning, Error).", DefaultValueFactory = _ => Severity.Info };
        var suppress = new Option<string[]>("--suppress", "-S") { Description = "Suppress messages: \"CODE=Kind name.namespace\" (globs allowed). Repeatable." };
        var list = new Option<bool>("--list-analyzers", "-L") { Description = "List the analyzers and the codes they emit, then exit." };
        var analyzers = new Option<string[]>("--analyzer") { Description = "Run only this analyzer (name as -L lists it). Repeatable." };
        var color = new Option<string>("--color") { Description = "Colour the level words: auto, always or never.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        // istioctl's -k defaults to true (read the live cluster); here files are all there is, so
        // --use-kube=false, which istioctl users type out of habit, is accepted and changes nothing.
        var useKube = new Option<bool>("--use-kube", "-k") { Description = "Analyze a live cluster. Not supported: Switchyard analyzes files only; --use-kube=false is accepted." };
        var recursive = new Option<bool>("--recursive", "-R") { Description = "Read directories' subdirectories too (as istioctl, a directory is read one level deep by default)." };
        var maxFile = MaxFileBytesOption.Create();

        var command = new Command("analyze",
            "Analyze Istio configuration across resources, like 'istioctl analyze --use-kube=false'.\n" +
            "Services, Pods, Deployments, EndpointSlices, Nodes and Namespaces in the inputs are the cluster state.\n" +
            "Directories are read one level deep, as istioctl does; -R reads their subdirectories too.\n" +
            "Exit codes: 0 no issues, 79 issues at or above --failure-threshold, 65 unparseable input, 64 usage error or no resources.");
        command.Arguments.Add(paths);
        foreach (var o in new Option[] { files, ns, all, output, failure, outputThreshold, suppress, list, analyzers, color, useKube, recursive, maxFile }) command.Options.Add(o);
        command.SetAction(parse => MaxFileBytesOption.Parse(parse.GetValue(maxFile)!, out var maxFileError) is not { } maxFileBytes
            ? UsageError(io, maxFileError!)
            : Run(io, new Request(
            [.. parse.GetValue(paths) ?? [], .. parse.GetValue(files) ?? []],
            parse.GetValue(ns)!, parse.GetValue(all), parse.GetValue(output)!, parse.GetValue(failure),
            parse.GetValue(outputThreshold), parse.GetValue(suppress) ?? [], parse.GetValue(list),
            parse.GetValue(analyzers) ?? [], parse.GetValue(color)!)
        {
            UseKube = parse.GetValue(useKube),
            Recursive = parse.GetValue(recursive),
            MaxFileBytes = maxFileBytes,
        }));
        return command;
    }

    public sealed record Request(
        string[] Paths, string Namespace, bool AllNamespaces, string Output, Severity FailureThreshold,
        Severity OutputThreshold, string[] Suppress, bool ListAnalyzers, string[] Analyzers, string Color)
    {
        /// <summary>istioctl's <c>-k</c>: read a live cluster (refused: there is none to read).</summary>
        public bool UseKube { get; init; }

        /// <summary>istioctl's <c>-R</c>: read directories' subdirectories too.</summary>
        public bool Recursive { get; init; }

        /// <summary><c>--max-file-bytes</c>: the largest config file read.</summary>
        public long MaxFileBytes { get; init; } = LoadOptions.DefaultMaxFileBytes;
    }

    internal static int Run(CliIo io, Request request)
    {
        if (request.ListAnalyzers)
        {
            foreach (var a in AnalyzerCatalog.All)
                io.Out.WriteLine($"{a.Name}\t{string.Join(",", a.Produces.Select(p => p.Code))}\t{a.Description}");
            return ExitOk;
        }
        foreach (var name in request.Analyzers)
        {
            if (AnalyzerCatalog.Find(name) is null)
            {
                io.Err.WriteLine($"error: unknown analyzer \"{name}\"; 'switchyard analyze -L' lists them");
                return ExitUsage;
            }
        }
        var suppressions = Suppressions.Parse(request.Suppress, out var suppressError);
        if (suppressError is not null) { io.Err.WriteLine($"error: {suppressError}"); return ExitUsage; }
        if (request.UseKube)
        {
            io.Err.WriteLine("error: --use-kube: analyzing a live cluster is not supported yet; Switchyard analyzes files (give them, with --use-kube=false or without -k)");
            return ExitUsage;
        }
        if (request.Paths.Length == 0)
        {
            io.Err.WriteLine("error: no input: give files or directories (switchyard analyze examples/frontend)");
            return ExitUsage;
        }

        // The same read and admission as validate and run: what they refuse (a duplicate, an
        // invalid resource) is an error here too, reported in istioctl's terms (IST0106).
        var paths = AnalyzeInputs.Expand(request.Paths, request.Recursive, out var skippedSubdirectories);
        var load = ConfigPipeline.Read(paths, new LoadOptions { DefaultNamespace = request.Namespace, Stdin = io.In, MaxFileBytes = request.MaxFileBytes });
        foreach (var e in load.InputErrors) io.Err.WriteLine($"error: {e.Message}");
        if (load.InputErrors.Count > 0) return ExitUsage;
        foreach (var e in load.SyntaxErrors) io.Err.WriteLine($"Error: failed to parse {e.Span}: {e.Message}");
        if (EmptyInput.IsEmpty(load))
        {
            // kubectl's "no objects passed to apply": an empty directory or a file of comments is
            // a mistake in the command (a wrong path, a missing -R), not a clean bill of health.
            io.Err.WriteLine(EmptyInput.Message("analyze", request.Paths, load,
                skippedSubdirectories ? "; subdirectories are read only with -R" : ""));
            return ExitUsage;
        }

        var options = new AnalysisOptions
        {
            Namespace = request.Namespace,
            AllNamespaces = request.AllNamespaces,
            Analyzers = request.Analyzers,
            Suppressions = request.Suppress,
        };
        // Kinds no analyzer looks at are named, on stderr so that -o json|yaml stays parseable.
        foreach (var d in EmptyInput.Unenforced(load))
            io.Err.WriteLine($"Warning: {d.Resource} ({d.Span}) was not analyzed: {d.Message}");
        var messages = AnalysisRunner.Run(load.Analyzed, options, suppressions, load.StructuralErrors);
        var shown = messages.Where(m => m.Severity >= request.OutputThreshold).ToList();
        Print(io, request, shown);

        var scope = request.AllNamespaces ? "all namespaces" : $"namespace: {request.Namespace}";
        if (load.SyntaxErrors.Count > 0) return ExitParse;
        if (messages.Any(m => m.Severity >= request.FailureThreshold))
        {
            io.Err.WriteLine($"Error: Analyzers found issues when analyzing {scope}.");
            io.Err.WriteLine("See https://istio.io/latest/docs/reference/config/analysis for more information about causes and resolutions.");
            return ExitIssues;
        }
        if (shown.Count == 0) io.Err.WriteLine($"\u2714 No validation issues found when analyzing {scope}.");
        return ExitOk;
    }

    private static int UsageError(CliIo io, string error)
    {
        io.Err.WriteLine($"error: {error}");
        return ExitUsage;
    }

    private static void Print(CliIo io, Request request, List<Diagnostic> shown)
    {
        switch (request.Output)
        {
            case "json":
                io.Out.WriteLine(DiagnosticFormatter.ToAnalyzeJson(shown));
                return;
            case "yaml":
                io.Out.Write(DiagnosticFormatter.ToAnalyzeYaml(shown));
                return;
        }
        var color = request.Color == "always" || (request.Color == "auto" && ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected);
        foreach (var m in shown)
        {
            io.Out.WriteLine(DiagnosticFormatter.FormatAnalyzeLine(m, color));
            if (m.Hint is not null && !m.Message.Contains(m.Hint, StringComparison.Ordinal)) io.Out.WriteLine($"  hint: {m.Hint}");
        }
    }
}
