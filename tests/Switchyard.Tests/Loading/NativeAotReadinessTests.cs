using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Sources;

namespace Switchyard.Tests.Loading;

/// <summary>
/// The reflection the loader and the fingerprint still need has to be known ahead of time for
/// the NativeAOT build of the proxy (bench/candidate.sh). These tests fail when the model grows
/// a shape that build could not handle, instead of the AOT binary failing at run time.
/// </summary>
public class NativeAotReadinessTests
{
    [Fact]
    public void Every_value_type_list_or_map_in_the_model_has_a_collection_factory()
    {
        var missing = new List<string>();
        foreach (var (owner, property, kind, element) in CollectionProperties())
        {
            var ok = kind == "list" ? CollectionFactory.CanCreateList(element) : CollectionFactory.CanCreateDictionary(element);
            if (!ok) missing.Add($"{owner.Name}.{property} ({kind} of {element.Name})");
        }
        Assert.Empty(missing);
        // The walk does reach the value-type collections the factory was written for.
        Assert.Contains(CollectionProperties(), p => p.Element == typeof(uint));
    }

    [Fact]
    public void Every_resource_kind_has_generated_fingerprint_metadata()
    {
        foreach (var kind in ResourceKinds.All)
            Assert.NotNull(ResourceFingerprintJson.Default.GetTypeInfo(kind.Type));
    }

    [Fact]
    public void Fingerprint_changes_with_a_field_value_but_not_with_field_spans()
    {
        var root = new SourceSpan("vs.yaml", 1, 1);
        VirtualService Make(string host, int hostLine) => new()
        {
            ApiVersion = "networking.istio.io/v1",
            Kind = "VirtualService",
            Metadata = new ObjectMeta { Name = "reviews", Namespace = "shop" },
            Spec = new VirtualServiceSpec { Hosts = [host] },
            Spans = new SpanIndex(new Dictionary<string, SourceSpan> { ["spec.hosts[0]"] = new("vs.yaml", hostLine, 3) }, root),
        };
        Assert.Equal(ResourceFingerprint.Of(Make("reviews", 7)), ResourceFingerprint.Of(Make("reviews", 9)));
        Assert.NotEqual(ResourceFingerprint.Of(Make("reviews", 7)), ResourceFingerprint.Of(Make("ratings", 7)));
    }

    private static List<(Type Owner, string Property, string Kind, Type Element)> CollectionProperties()
    {
        var found = new List<(Type, string, string, Type)>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(ResourceKinds.All.Select(k => k.Type));
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var p in type.GetProperties())
            {
                if (p.SetMethod is null) continue;
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    found.Add((type, p.Name, "list", t.GetGenericArguments()[0]));
                    t = t.GetGenericArguments()[0];
                }
                else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
                {
                    found.Add((type, p.Name, "map", t.GetGenericArguments()[1]));
                    t = t.GetGenericArguments()[1];
                }
                t = Nullable.GetUnderlyingType(t) ?? t;
                if (t.IsClass && t != typeof(string) && t != typeof(object) && t.Namespace?.StartsWith("Switchyard.Model", StringComparison.Ordinal) == true)
                    queue.Enqueue(t);
            }
        }
        return found;
    }
}
