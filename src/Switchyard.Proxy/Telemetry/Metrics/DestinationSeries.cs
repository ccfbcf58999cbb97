using Switchyard.Proxy.LoadBalancing;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// Every series of one destination cluster. The series are an immutable dictionary replaced
/// whole under a lock when a request brings a new (endpoint, code, flags, gRPC status): a request
/// reads it without a lock and, once its series exists, allocates nothing. Series are never
/// removed (Prometheus counters are cumulative); a cluster has one per endpoint and outcome kind.
/// </summary>
public sealed class DestinationSeries(DestinationService service, SourceIdentity source)
{
    private readonly Lock _gate = new();
    private volatile Dictionary<SeriesKey, RequestSeries> _series = [];

    public DestinationService Service { get; } = service;

    public IEnumerable<RequestSeries> All => _series.Values;

    public RequestSeries For(in SeriesKey key, string protocol) =>
        _series.TryGetValue(key, out var series) ? series : Add(key, protocol);

    private RequestSeries Add(SeriesKey key, string protocol)
    {
        lock (_gate)
        {
            if (_series.TryGetValue(key, out var series)) return series;
            series = new RequestSeries(key, Labels(key, protocol));
            _series = new Dictionary<SeriesKey, RequestSeries>(_series) { [key] = series };
            return series;
        }
    }

    /// <summary>Istio's standard labels, in the order Istio's stats plugin emits them.</summary>
    private string Labels(SeriesKey key, string protocol)
    {
        var labels = key.Endpoint?.Labels;
        string? Label(string name) => labels is not null && labels.TryGetValue(name, out var v) ? v : null;
        return new LabelText()
            .Add("reporter", "source")
            .Add("source_workload", source.Workload)
            .Add("source_workload_namespace", source.Namespace)
            .Add("source_app", source.App)
            .Add("destination_workload", "unknown")
            .Add("destination_workload_namespace", Service.Namespace)
            .Add("destination_app", Label("app"))
            .Add("destination_version", Label("version"))
            .Add("destination_service", Service.Service)
            .Add("destination_service_name", Service.Name)
            .Add("destination_service_namespace", Service.Namespace)
            .Add("request_protocol", protocol)
            .Add("response_code", key.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("grpc_response_status", key.GrpcStatus < 0 ? "" : key.GrpcStatus.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("response_flags", ResponseFlagsFormatter.Format(key.Flags))
            // The client side cannot know the server's policy: Istio reports "unknown" as the source.
            .Add("connection_security_policy", "unknown")
            .ToString();
    }

    /// <summary>Requests each endpoint of this cluster answered, split as Envoy's per-host
    /// <c>rq_success</c> / <c>rq_error</c> (5xx).</summary>
    public (long Success, long Error) CountsOf(EndpointState endpoint)
    {
        long success = 0, error = 0;
        foreach (var s in _series.Values)
        {
            if (s.Key.Endpoint?.Key != endpoint.Key) continue;
            var n = s.Cells.Sum(RequestSeries.Count);
            if (s.Key.Status >= 500) error += n; else success += n;
        }
        return (success, error);
    }
}
