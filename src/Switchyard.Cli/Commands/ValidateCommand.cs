using System.CommandLine;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard validate -f PATH...</c>: each resource alone, with Istio's admission rules.
/// Exit 0 valid, 1 invalid, 2 usage error, unreadable input or input without an Istio resource.
/// </summary>
public sealed class ValidateCommand
{
    public const int ExitValid = 0, ExitInvalid = 1, ExitUsage = 2;

    public required Command Command { get; init; }

    public static ValidateCommand Create(CliIo io)
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "Files or directories to validate (recursive: *.yaml, *.yml, *.json); '-' reads stdin. Repeatable.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            Required = true,
        };
        var ns = new Option<string>("--namespace", "-n")
        {
            Description = "Namespace of resources whose metadata names none.",
            DefaultValueFactory = _ => "default",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: 'text' (one line per problem) or 'json' (an array).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var maxFile = MaxFileBytesOption.Create();

        var command = new Command("validate",
            "Validate Istio resources one at a time, as Istio's admission webhook and 'istioctl validate' do.\n" +
            "Prints 'ERROR file:line Kind namespace/name field.path: message' per problem.\n" +
            "Exit codes: 0 valid, 1 invalid, 2 usage error, unreadable input, or no Istio resource in it\n" +
            "(an empty directory, or only kinds Switchyard does not enforce such as AuthorizationPolicy).");
        command.Options.Add(files);
        command.Options.Add(ns);
        command.Options.Add(output);
        command.Options.Add(maxFile);
        command.SetAction(parse =>
        {
            if (MaxFileBytesOption.Parse(parse.GetValue(maxFile)!, out var error) is not { } maxFileBytes)
            {
                io.Err.WriteLine($"error: {error}");
                return ExitUsage;
            }
            return Run(io, parse.GetValue(files)!, parse.GetValue(ns)!, parse.GetValue(output)!, maxFileBytes);
        });
        return new ValidateCommand { Command = command };
    }

    internal static int Run(CliIo io, string[] paths, string ns, string output, long maxFileBytes = LoadOptions.DefaultMaxFileBytes)
    {
        // The verdict is the pipeline's: what 'run' would refuse (invalid resources, syntax
        // errors, duplicates) is an error here, and nothing else is.
        var load = ConfigPipeline.Read(paths, new LoadOptions { DefaultNamespace = ns, Stdin = io.In, MaxFileBytes = maxFileBytes });
        if (load.InputErrors.Count > 0)
        {
            foreach (var e in load.InputErrors) io.Err.WriteLine($"error: {e.Message}");
            return ExitUsage;
        }

        var sorted = DiagnosticFormatter.Sorted([.. load.Set.Rejected, .. load.Set.Warnings]).ToList();
        var errors = sorted.Count(d => d.Severity == Severity.Error);
        var warnings = sorted.Count(d => d.Severity == Severity.Warning);
        var invalid = InvalidResourceCount(sorted);

        if (EmptyInput.IsEmpty(load, istioOnly: true))
        {
            // What was read and warned about (a kind Switchyard does not enforce) is still shown;
            // then the verdict: no Istio resource was validated, which is not "valid".
            if (output == "json") io.Out.WriteLine(DiagnosticFormatter.ToJson(sorted));
            else foreach (var d in sorted) io.Out.WriteLine(DiagnosticFormatter.FormatValidateLine(d));
            io.Err.WriteLine(EmptyInput.Message("validate", paths, load));
            return ExitUsage;
        }

        if (output == "json")
        {
            io.Out.WriteLine(DiagnosticFormatter.ToJson(sorted));
        }
        else
        {
            foreach (var d in sorted) io.Out.WriteLine(DiagnosticFormatter.FormatValidateLine(d));
            var checkedCount = load.Analyzed.Count(r => ResourceKinds.IsIstio(r));
            var files = load.Set.Files.Count;
            io.Out.WriteLine(errors == 0
                ? $"✔ {checkedCount} Istio resource(s) in {files} file(s) valid" + (warnings > 0 ? $", {warnings} warning(s)" : "")
                : $"✘ {errors} error(s), {warnings} warning(s) in {invalid} resource(s); {checkedCount} Istio resource(s) in {files} file(s) checked");
        }
        return errors == 0 ? ExitValid : ExitInvalid;
    }

    private static int InvalidResourceCount(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => d.Resource?.ToString() ?? d.Span.ToString())
            .Distinct()
            .Count();
}
