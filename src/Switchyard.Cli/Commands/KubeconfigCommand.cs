using System.CommandLine;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard kubeconfig</c>: prints a kubeconfig for the config API of <c>run --kube-api</c>
/// (<c>switchyard kubeconfig &gt; kc; kubectl --kubeconfig kc get vs</c>): the server URL
/// (https with <c>--kube-api-cert</c>, whose certificate becomes the trusted CA), the token when
/// the API requires one, and the namespace.
/// </summary>
public static class KubeconfigCommand
{
    public static Command Create(CliIo io)
    {
        var flags = new KubeApiFlags();
        flags.Address.DefaultValueFactory = _ => KubeApiFlags.DefaultAddress;
        var ns = new Option<string>("--namespace", "-n") { Description = "The context's namespace.", DefaultValueFactory = _ => "default" };
        var command = new Command("kubeconfig", "Print a kubeconfig for the config API that 'run --kube-api' serves (use the same --kube-api flags).");
        foreach (var o in flags.All) command.Options.Add(o);
        command.Options.Add(ns);
        command.SetAction(parse =>
        {
            var address = parse.GetValue(flags.Address)!;
            if (EndpointParser.ParseListen(address, out var error) is null) { io.Err.WriteLine($"error: {error}"); return 2; }
            string? token = null, ca = null;
            try
            {
                if (parse.GetValue(flags.TokenFile) is { } tokenFile) token = File.ReadAllText(tokenFile).Trim();
                if (parse.GetValue(flags.Cert) is { } cert) ca = Convert.ToBase64String(File.ReadAllBytes(cert));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Err.WriteLine($"error: {e.Message}");
                return 2;
            }
            io.Out.Write(Switchyard.Proxy.KubeApi.Kubeconfig.Render(ca is null ? $"http://{address}" : $"https://{address}", token, ca, parse.GetValue(ns)!));
            return 0;
        });
        return command;
    }
}
