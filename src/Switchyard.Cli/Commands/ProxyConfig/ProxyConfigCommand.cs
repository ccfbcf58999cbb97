using System.CommandLine;
using System.Text.Json;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>
/// <c>switchyard proxy-config clusters|routes|endpoints|listeners|all</c>, shaped like
/// <c>istioctl proxy-config</c>: istioctl's columns, <c>-o json|yaml</c>, its filters, read from a
/// running proxy's admin port, a saved <c>/config_dump</c> (<c>--file</c>) or a config directory
/// (<c>-f</c>). A source that cannot be read is one line on stderr and exit 1.
/// </summary>
public static class ProxyConfigCommand
{
    public const int ExitOk = 0, ExitError = 1;

    private sealed record Options(Option<string> Admin, Option<string?> File, Option<string[]?> Config, Option<string> Namespace, Option<string> Output,
        Option<string?> Fqdn, Option<uint?> Port, Option<string?> Subset, Option<string?> Direction, Option<string?> Name, Option<string?> Cluster, Option<string?> Status);

    public static Command Create(CliIo io)
    {
        var o = new Options(
            new Option<string>("--admin") { Description = "A running proxy's admin API.", DefaultValueFactory = _ => "http://127.0.0.1:15000", Recursive = true },
            new Option<string?>("--file") { Description = "A saved /config_dump instead of a running proxy (istioctl's --file).", Recursive = true },
            new Option<string[]?>("--filename", "-f") { Description = "Config files or directories, translated offline instead of asking a proxy.", AllowMultipleArgumentsPerToken = true, Recursive = true },
            new Option<string>("--namespace", "-n") { Description = "Namespace of resources that name none (with -f).", DefaultValueFactory = _ => "default", Recursive = true },
            new Option<string>("--output", "-o") { Description = "short (a table), json or yaml.", DefaultValueFactory = _ => "short", Recursive = true },
            new Option<string?>("--fqdn") { Description = "Only clusters of this service FQDN.", Recursive = true },
            new Option<uint?>("--port") { Description = "Only this port.", Recursive = true },
            new Option<string?>("--subset") { Description = "Only clusters of this subset.", Recursive = true },
            new Option<string?>("--direction") { Description = "Only clusters of this direction (outbound).", Recursive = true },
            new Option<string?>("--name") { Description = "Only the route configuration of this name (its port).", Recursive = true },
            new Option<string?>("--cluster") { Description = "Only endpoints of this cluster.", Recursive = true },
            new Option<string?>("--status") { Description = "Only endpoints of this status (HEALTHY, UNHEALTHY).", Recursive = true });
        o.Output.AcceptOnlyFromAmong("short", "json", "yaml");
        var command = new Command("proxy-config", "Show what a proxy serves, as 'istioctl proxy-config': clusters, routes, endpoints, listeners.");
        foreach (var option in new Option[] { o.Admin, o.File, o.Config, o.Namespace, o.Output, o.Fqdn, o.Port, o.Subset, o.Direction, o.Name, o.Cluster, o.Status })
            command.Options.Add(option);
        command.Aliases.Add("pc");
        foreach (var kind in new[] { "clusters", "routes", "endpoints", "listeners", "all" })
        {
            var sub = new Command(kind, $"The proxy's {kind}.");
            if (kind != "all") sub.Aliases.Add(kind.TrimEnd('s'));
            sub.SetAction((parse, ct) => RunAsync(io, kind, parse, o));
            command.Subcommands.Add(sub);
        }
        return command;
    }

    private static async Task<int> RunAsync(CliIo io, string kind, ParseResult parse, Options o)
    {
        ProxyDump dump;
        try
        {
            dump = await ProxyDumpSource.ReadAsync(parse.GetValue(o.Admin)!, parse.GetValue(o.File), parse.GetValue(o.Config), parse.GetValue(o.Namespace)!);
        }
        catch (ProxyConfigException e)
        {
            io.Err.WriteLine($"error: {e.Message}");
            return ExitError;
        }
        var filter = new ProxyConfigFilter(parse.GetValue(o.Fqdn), parse.GetValue(o.Port), parse.GetValue(o.Subset), parse.GetValue(o.Direction),
            parse.GetValue(o.Name), parse.GetValue(o.Cluster), parse.GetValue(o.Status));
        var output = parse.GetValue(o.Output)!;
        var kinds = kind == "all" ? new[] { "clusters", "listeners", "routes", "endpoints" } : [kind];
        foreach (var k in kinds)
        {
            var (columns, rows, padding) = Table(k, dump, filter);
            if (output == "short")
            {
                TableWriter.Write(io.Out, columns, rows.Select(r => r.Cells), padding);
                if (kind == "all") io.Out.WriteLine();
                continue;
            }
            var json = "[" + string.Join(",", rows.Select(r => r.Source.GetRawText())) + "]";
            var element = JsonDocument.Parse(json).RootElement;
            io.Out.Write(output == "json" ? JsonSerializerText(element) : YamlText.Write(element));
        }
        return ExitOk;
    }

    private static (string[] Columns, List<ProxyConfigRow> Rows, int Padding) Table(string kind, ProxyDump dump, ProxyConfigFilter f) => kind switch
    {
        "clusters" => (ProxyConfigRows.ClusterColumns, ProxyConfigRows.Clusters(dump, f).ToList(), 5),
        "endpoints" => (ProxyConfigRows.EndpointColumns, ProxyConfigRows.Endpoints(dump, f).ToList(), 5),
        "routes" => (RouteRows.RouteColumns, RouteRows.Routes(dump, f).ToList(), 5),
        _ => (RouteRows.ListenerColumns, RouteRows.Listeners(dump, f).ToList(), 1),
    };

    private static string JsonSerializerText(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            element.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
