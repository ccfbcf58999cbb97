using System.Text;
using Switchyard.Model.Networking;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// A canonical text of a route match, equal for two matches exactly when Istio's
/// <c>asJSON</c> (pkg/config/validation: Go <c>json.Marshal</c> of the match with its
/// <c>name</c> cleared) would print the same: zero values (empty string, 0, false, empty list
/// or map) are left out, map keys are sorted, list order counts, and a set-but-empty
/// StringMatch (<c>uri: {}</c>) differs from an absent one.
/// </summary>
internal static class MatchKey
{
    public static string Http(HTTPMatchRequest? m)
    {
        if (m is null) return "null";
        var k = new Writer();
        k.Match("uri", m.Uri);
        k.Match("scheme", m.Scheme);
        k.Match("method", m.Method);
        k.Match("authority", m.Authority);
        k.Matches("headers", m.Headers);
        k.Number("port", m.Port);
        k.Map("sourceLabels", m.SourceLabels);
        k.List("gateways", m.Gateways);
        k.Matches("queryParams", m.QueryParams);
        if (m.IgnoreUriCase == true) k.Field("ignoreUriCase").Append("true;");
        k.Matches("withoutHeaders", m.WithoutHeaders);
        k.String("sourceNamespace", m.SourceNamespace);
        k.String("statPrefix", m.StatPrefix);
        return k.ToString();
    }

    public static string Tcp(L4MatchAttributes? m)
    {
        if (m is null) return "null";
        var k = new Writer();
        k.List("destinationSubnets", m.DestinationSubnets);
        k.Number("port", m.Port);
        k.String("sourceSubnet", m.SourceSubnet);
        k.Map("sourceLabels", m.SourceLabels);
        k.List("gateways", m.Gateways);
        k.String("sourceNamespace", m.SourceNamespace);
        return k.ToString();
    }

    public static string Tls(TLSMatchAttributes? m)
    {
        if (m is null) return "null";
        var k = new Writer();
        k.List("sniHosts", m.SniHosts);
        k.List("destinationSubnets", m.DestinationSubnets);
        k.Number("port", m.Port);
        k.Map("sourceLabels", m.SourceLabels);
        k.List("gateways", m.Gateways);
        k.String("sourceNamespace", m.SourceNamespace);
        return k.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new("{");

        public StringBuilder Field(string name) => _sb.Append(name).Append('=');

        public void String(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) Field(name).Append(GoFormat.Quote(value)).Append(';');
        }

        public void Number(string name, uint? value)
        {
            if (value is > 0) Field(name).Append(value.Value).Append(';');
        }

        public void List(string name, IReadOnlyList<string>? values)
        {
            if (values is not { Count: > 0 }) return;
            Field(name).Append('[');
            foreach (var v in values) _sb.Append(GoFormat.Quote(v)).Append(',');
            _sb.Append("];");
        }

        public void Map(string name, IReadOnlyDictionary<string, string>? values)
        {
            if (values is not { Count: > 0 }) return;
            Field(name).Append('{');
            foreach (var (key, v) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
                _sb.Append(GoFormat.Quote(key)).Append(':').Append(GoFormat.Quote(v)).Append(',');
            _sb.Append("};");
        }

        public void Match(string name, StringMatch? value)
        {
            if (value is null) return;
            Field(name);
            AppendMatch(value);
            _sb.Append(';');
        }

        public void Matches(string name, IReadOnlyDictionary<string, StringMatch?>? values)
        {
            if (values is not { Count: > 0 }) return;
            Field(name).Append('{');
            foreach (var (key, v) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                _sb.Append(GoFormat.Quote(key)).Append(':');
                if (v is null) _sb.Append("null");
                else AppendMatch(v);
                _sb.Append(',');
            }
            _sb.Append("};");
        }

        // StringMatch is a oneof: the set member is printed even when its value is empty.
        private void AppendMatch(StringMatch m)
        {
            _sb.Append('(');
            if (m.Exact is not null) _sb.Append("exact:").Append(GoFormat.Quote(m.Exact));
            else if (m.Prefix is not null) _sb.Append("prefix:").Append(GoFormat.Quote(m.Prefix));
            else if (m.Regex is not null) _sb.Append("regex:").Append(GoFormat.Quote(m.Regex));
            _sb.Append(')');
        }

        public override string ToString() => _sb.Append('}').ToString();
    }
}
