using System.Text.Json;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>The traffic part of <c>/stats</c>: requests per destination (service and
/// <c>destination_version</c>, the traffic split) and per service (success rate, p99 from the
/// duration histogram), summed from the same series <c>/stats/prometheus</c> prints.</summary>
public static class StatsTraffic
{
    private sealed class Totals
    {
        public long Requests, Errors;
        public readonly long[] Duration = new long[HistogramBuckets.Count];

        public void Add(RequestSeries s)
        {
            var n = s.Cells.Sum(RequestSeries.Count);
            Requests += n;
            if (s.Key.Status >= 500) Errors += n;
            for (var b = 0; b < Duration.Length; b++) Duration[b] += s.Cells.Sum(RequestSeries.DurationBuckets + b);
        }
    }

    public static void Write(Utf8JsonWriter json, IstioMetrics metrics)
    {
        var destinations = new SortedDictionary<(string Service, string Version), Totals>();
        var services = new SortedDictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var d in metrics.Destinations)
            foreach (var s in d.All)
            {
                var version = s.Key.Endpoint?.Labels.GetValueOrDefault("version") ?? "unknown";
                Get(destinations, (d.Service.Service, version)).Add(s);
                Get(services, d.Service.Service).Add(s);
            }
        json.WriteStartArray("destinations");
        foreach (var ((service, version), t) in destinations)
        {
            json.WriteStartObject();
            json.WriteString("destination_service", service);
            json.WriteString("destination_version", version);
            json.WriteNumber("requests", t.Requests);
            json.WriteNumber("errors", t.Errors);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("services");
        foreach (var (service, t) in services)
        {
            json.WriteStartObject();
            json.WriteString("destination_service", service);
            json.WriteNumber("requests", t.Requests);
            json.WriteNumber("success_rate", t.Requests == 0 ? 1 : Math.Round((double)(t.Requests - t.Errors) / t.Requests, 4));
            json.WriteNumber("p99_ms", Math.Round(Quantile.Of(0.99, t.Duration), 3));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static Totals Get<TKey>(SortedDictionary<TKey, Totals> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var t)) map[key] = t = new Totals();
        return t;
    }
}
