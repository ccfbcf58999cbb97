using System.CommandLine;
using Switchyard.Cli.Commands;

namespace Switchyard.Cli;

/// <summary>
/// The command tree. Commands are thin: they parse options, call the core and print.
/// Output streams are parameters so tests run the real commands in-process.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var io = new CliIo(stdout, stderr, stdin);
        var (parse, usageError) = Parse(args, io);
        return usageError ?? parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>As <see cref="Run"/>, cancelled by <paramref name="cancellationToken"/> instead of
    /// Ctrl+C: how tests run the long-running commands (<c>run</c>, <c>demo --keep-running</c>) in-process.</summary>
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken)
    {
        var (parse, usageError) = Parse(args, io);
        if (usageError is not null) return usageError.Value;
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Err, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static (ParseResult Parse, int? UsageError) Parse(string[] args, CliIo io)
    {
        var root = new RootCommand(
            "Switchyard: Istio VirtualService and DestinationRule semantics, enforced by a .NET proxy.\n" +
            "Reads unchanged Istio YAML.");
        var validate = ValidateCommand.Create(io);
        root.Subcommands.Add(validate.Command);
        var analyze = AnalyzeCommand.Create(io);
        root.Subcommands.Add(analyze);
        root.Subcommands.Add(RunCommand.Create(io));
        root.Subcommands.Add(DemoCommand.Create(io));
        root.Subcommands.Add(EchoCommand.Create(io));
        root.Subcommands.Add(Commands.ProxyConfig.ProxyConfigCommand.Create(io));
        root.Subcommands.Add(ExplainCommand.Create(io));
        root.Subcommands.Add(KubeconfigCommand.Create(io));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.CommandResult.Command != root)
        {
            foreach (var e in parse.Errors) io.Err.WriteLine($"error: {e.Message}");
            io.Err.WriteLine($"Run 'switchyard {parse.CommandResult.Command.Name} --help' for usage.");
            return (parse, parse.CommandResult.Command == analyze ? AnalyzeCommand.ExitUsage : ValidateCommand.ExitUsage);
        }
        return (parse, null);
    }
}

/// <summary>The streams a command writes to and reads from.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Err, TextReader In);
