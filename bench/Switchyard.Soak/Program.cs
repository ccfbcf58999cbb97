using Switchyard.Soak;
using Switchyard.Soak.BackendKill;
using Switchyard.Soak.Fuzz;
using Switchyard.Soak.Hostile;
using Switchyard.Soak.Reloads;

// One verb per bullet of the soak list (issue 10, item 4), plus the idle-connection holder the
// hostile-clients run starts as child processes (one process cannot hold 20,000 sockets under a
// 20,000 open-files limit beside everything else).
var verbs = new Dictionary<string, Func<SoakArgs, Task<int>>>(StringComparer.Ordinal)
{
    ["reloads"] = ReloadSoak.RunAsync,
    ["fuzz"] = a => Task.FromResult(FuzzSoak.Run(a)),
    ["backend-kill"] = BackendKillSoak.RunAsync,
    ["hostile"] = HostileSoak.RunAsync,
    ["hold-idle"] = IdleHolder.RunAsync,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Switchyard.Soak <{string.Join("|", verbs.Keys)}> [options]  (see bench/soak.sh)");
    return 2;
}
try
{
    return await run(new SoakArgs(args[1..]));
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
