using System.CommandLine;
using Switchyard.Explain;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard explain -f DIR --host H [--path P] [--method M] [--header k=v]... [--port N]
/// [--source-labels k=v,...] [-o text|json]</c>: where the request would go and why, without
/// starting a proxy. Exit 0 when it would be forwarded or answered, 1 when the proxy would fail it
/// (NR, NC, UH), 2 for a usage error or unreadable input.
/// </summary>
public static class ExplainCommand
{
    public const int ExitForwarded = 0, ExitFails = 1, ExitUsage = 2;

    public static Command Create(CliIo io)
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "Config files or directories.", AllowMultipleArgumentsPerToken = true, Required = true };
        var host = new Option<string>("--host") { Description = "The request's host (Host header without port).", Required = true };
        var path = new Option<string>("--path") { Description = "The request's path and query.", DefaultValueFactory = _ => "/" };
        var method = new Option<string>("--method") { Description = "The request's method.", DefaultValueFactory = _ => "GET" };
        var headers = new Option<string[]>("--header", "-H") { Description = "A request header, name=value or 'name: value'. Repeatable." };
        var port = new Option<int>("--port") { Description = "The service port the request is sent to.", DefaultValueFactory = _ => 80 };
        var source = new Option<string?>("--source-labels") { Description = "The sending workload's labels (k=v,k=v), for sourceLabels matches." };
        var ns = new Option<string>("--namespace", "-n") { Description = "The sender's namespace; also of resources that name none.", DefaultValueFactory = _ => "default" };
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain", "Explain, without starting a proxy, where a request would go and why: the rule that matches, why earlier ones did not, " +
            "the destinations and weights, the cluster policy and endpoints, and the fix when it would fail (NR, NC, UH).");
        foreach (var o in new Option[] { files, host, path, method, headers, port, source, ns, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var mesh = OfflineMesh.Read(parse.GetValue(files)!, parse.GetValue(ns)!, Pairs(parse.GetValue(source)?.Split(',') ?? [], '='));
            if (mesh.Load.InputErrors.Count > 0)
            {
                foreach (var e in mesh.Load.InputErrors) io.Err.WriteLine($"error: {e.Message}");
                return ExitUsage;
            }
            var request = new ExplainRequest(parse.GetValue(host)!, parse.GetValue(path)!, parse.GetValue(method)!, parse.GetValue(port),
                Pairs(parse.GetValue(headers) ?? [], ':', '='));
            var explanation = RequestExplainer.Explain(mesh, request);
            io.Out.Write(parse.GetValue(output) == "json" ? ExplanationJson.Write(explanation) : ExplanationText.Write(explanation));
            return explanation.Verdict.Status is 404 or 503 && explanation.Verdict.Flag != "-" ? ExitFails : ExitForwarded;
        });
        return command;
    }

    /// <summary><c>k=v</c> (or <c>k: v</c>) items as a map; an item without a separator is a name with an empty value.</summary>
    private static Dictionary<string, string> Pairs(IEnumerable<string> items, params char[] separators)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Trim().Length > 0))
        {
            var at = item.IndexOfAny(separators);
            if (at < 0) map[item.Trim()] = "";
            else map[item[..at].Trim()] = item[(at + 1)..].Trim();
        }
        return map;
    }
}
