using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// A config source whose resources are set by code: tests that publish versions by hand, and
/// the demo's generated endpoints. Resources are taken as admitted (the caller loaded and
/// checked them); <see cref="Set"/> publishes a new version and raises the events synchronously,
/// so the host's snapshot is live when it returns. Like every source it logs each round's
/// rejections itself, so the log says which source refused what.
/// </summary>
public sealed class InMemorySource(string name = "memory", ILogger? logger = null) : IConfigSource
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private ConfigSet _current = ConfigSet.Empty;

    public string Name => name;

    public ConfigSet Current => Volatile.Read(ref _current);

    public event Action<ConfigSet>? Changed;

    public event Action<ConfigSet>? Reloaded;

    /// <summary>Publishes <paramref name="resources"/> as the next version, or as
    /// <paramref name="version"/> when given (it must be higher than the current one).</summary>
    public ConfigSet Set(IReadOnlyList<Resource> resources, long? version = null, IReadOnlyList<Diagnostic>? rejected = null)
    {
        lock (_gate)
        {
            var previous = Current.Version;
            var next = version ?? previous + 1;
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(next, previous, nameof(version));
            var set = new ConfigSet(next, resources, rejected ?? [], []);
            Volatile.Write(ref _current, set);
            foreach (var d in DiagnosticFormatter.Sorted(set.Rejected))
            {
                var level = d.Severity == Severity.Error ? LogLevel.Warning : LogLevel.Information;
                if (_logger.IsEnabled(level)) Log.ResourceRejected(_logger, level, name, DiagnosticFormatter.FormatValidateLine(d));
            }
            // Raised under the lock, as FileSource does, so subscribers see versions in order.
            Changed?.Invoke(set);
            Reloaded?.Invoke(set);
            return set;
        }
    }

    public ConfigSet LoadNow() => Current;

    public void Start() { }

    public void Dispose() { }
}
